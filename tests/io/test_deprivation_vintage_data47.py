"""A month's LSOA vintage is read from all its rows, not only those inside the area (data47).

Real rows of Warwickshire Police's January 2019 file (data.police.uk, OGL v3.0): eight in
Coventry, whose LSOAs did not change in 2021 (each code is a 2011 and a 2021 LSOA), and
three in LSOAs that ended in 2011's boundaries (E01031103 in Nuneaton and Bedworth,
E01022090 in Uttlesford). The file is of 2011 LSOAs (its 2011-only codes say so), so
Coventry's rows of that month are ranked by the IMD 2019, as they are when the same month
is profiled for Warwickshire. Before, the vintage was read from the rows inside the
partnership's area only: for a Coventry (or West Midlands) partnership, none of those was
2011-only, so the month was taken as 2021 LSOAs and ranked by the IoD 2025.
"""

from __future__ import annotations

import csv

import pyarrow.compute as pc

import svduty

HEADER = (
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context"
)
ROWS = (
    (
        "da2651959e5c2483a5daa51f5c3fb3613cb133b99bfabb2dba76cfefb50005f9",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.493099",
        "52.453759",
        "On or near Bramwell Gardens",
        "E01009589",
        "Coventry 001A",
        "Drugs",
        "Unable to prosecute suspect",
        "",
    ),
    (
        "63d613d2bc7c94942ec7becefc0276b58d14f54532d852c6765cedff07a581c2",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.493099",
        "52.453759",
        "On or near Bramwell Gardens",
        "E01009589",
        "Coventry 001A",
        "Vehicle crime",
        "Investigation complete; no suspect identified",
        "",
    ),
    (
        "",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.461318",
        "52.454617",
        "On or near Parrotts Grove",
        "E01009584",
        "Coventry 007D",
        "Anti-social behaviour",
        "",
        "",
    ),
    (
        "093826a894cba5366c18c56f88e092ea82280f2e06177d4f4fdd454b6b15c741",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.468395",
        "52.420477",
        "On or near Petrol Station",
        "E01009711",
        "Coventry 013D",
        "Violence and sexual offences",
        "Unable to prosecute suspect",
        "",
    ),
    (
        "862a469502707bc2e8802a9b452cf378742c2bbd9b64e8e72522cd6be1bfcfcc",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.497523",
        "52.390820",
        "On or near William Bristow Road",
        "E01009544",
        "Coventry 038A",
        "Violence and sexual offences",
        "Status update unavailable",
        "",
    ),
    (
        "bde72bd40edd731ae970ce51f14354aa7bcfb199781f3e6db61831e13101390f",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.514461",
        "52.369818",
        "On or near King'S Hill Lane",
        "E01009672",
        "Coventry 040E",
        "Vehicle crime",
        "Investigation complete; no suspect identified",
        "",
    ),
    (
        "c77335cd1501794e07336872dc4c801e6fc7290e4c117b90ee802754d8265eae",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.561698",
        "52.380053",
        "On or near Further/Higher Educational Building",
        "E01009671",
        "Coventry 042C",
        "Other theft",
        "Offender otherwise dealt with",
        "",
    ),
    (
        "9dfb118982a5e5a17a5c8ee58cee49f38a4ecf96f5bcfedafe8d667e61033554",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.561698",
        "52.380053",
        "On or near Further/Higher Educational Building",
        "E01009671",
        "Coventry 042C",
        "Other theft",
        "Offender fined",
        "",
    ),
    (
        "",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.420300",
        "52.535630",
        "On or near Sports/Recreation Area",
        "E01031103",
        "Nuneaton and Bedworth 003D",
        "Anti-social behaviour",
        "",
        "",
    ),
    (
        "248e74141925c0689a5d94183b7c2c4500607cf5bf50a728ac1415d8316031e6",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "-1.435017",
        "52.530802",
        "On or near Easedale Close",
        "E01031103",
        "Nuneaton and Bedworth 003D",
        "Burglary",
        "Investigation complete; no suspect identified",
        "",
    ),
    (
        "706ef3cf1291e0e1460f7064e903428312cbc95cd1f7b8d4fc6599935e46bb98",
        "2019-01",
        "Warwickshire Police",
        "Warwickshire Police",
        "0.250308",
        "51.885392",
        "On or near Pincey Road",
        "E01022090",
        "Uttlesford 006B",
        "Other theft",
        "Investigation complete; no suspect identified",
        "",
    ),
)


def test_a_2011_month_is_ranked_by_the_imd_2019_whichever_rows_lie_inside(tmp_path):
    month = tmp_path / "2019-01-warwickshire-street.csv"
    with month.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER.split(","))
        writer.writerows(ROWS)
    coventry = svduty.load_partnership(svduty.new_bundle(tmp_path / "coventry", ["E08000026"]))
    r = svduty.report(month, partnership=coventry)
    assert r.summary.inside_area == 8
    dep = r.tables["deprivation"]
    assert set(dep["index"].to_pylist()) == {"imd2019"}
    assert sum(dep["possible"].to_pylist()) == 8
    # against Coventry's 2011 LSOAs, not its 2021 ones
    ranked = dep.filter(pc.is_valid(dep["decile"]))
    assert sum(ranked["lsoas"].to_pylist()) == len(coventry.geography.lsoas("E08000026", 2011))
    note = next(n for n in r.notes if n.startswith("LSOA codes of 2019-01: "))
    assert note == (
        "LSOA codes of 2019-01: 2011 LSOAs (2 of its codes are 2011 LSOAs that no longer "
        "exist), ranked by the IMD 2019."
    )
    # the same month for Warwickshire: its rows inside were already ranked so
    own = svduty.report(month).tables["deprivation"]
    assert set(own["index"].to_pylist()) == {"imd2019"}
