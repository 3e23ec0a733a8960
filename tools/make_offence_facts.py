"""Generate src/svduty/data/offences/offence-facts.csv (run once; the CSV is the data).

What each Home Office offence code proves, read OPEN-WORLD from the offence's legal
definition: ``yes`` for what the definition requires, ``no`` only for what it excludes
(assault *without injury* excludes injury; rape of a child *under 13* excludes a victim
aged 16 or over), ``unknown`` for everything else. Theft between spouses may be economic
abuse (DA Act 2021 s.1(4)); criminal damage may be violence against property: the code
alone does not tell, so neither does svduty.

Sources: the offence codes and descriptions of the ONS join in
``policeuk-ons-code-join.csv`` (Home Office codes of the ONS offence groups), the Home
Office Counting Rules for Recorded Crime for the classifications, and the statutes that
define the offences (cited in the notes). Codes the join lacks are added below with
their own description (``EXTRA``); a code svduty could not confirm says so in its note.

Run: ``python tools/make_offence_facts.py``.
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "src/svduty/data/offences"
FACTS = [
    "violence", "physical", "sexual", "threat", "property_violence", "weapon", "knife",
    "firearm", "corrosive", "death", "homicide", "injury", "intentional", "against_people",
    "psychological", "controlling", "economic", "neglect", "power", "harm_likely",
    "connected", "victim_16_plus", "perpetrator_16_plus",
]
Y, N, U = "yes", "no", "unknown"
ASSAULT = {"violence": Y, "threat": Y, "intentional": Y, "against_people": Y,
           "power": Y, "harm_likely": Y}
SEXUAL = {"violence": Y, "sexual": Y, "intentional": Y, "against_people": Y, "power": Y,
          "harm_likely": Y}
GROUP = {
    "criminal damage and arson": {},
    "drug offences": {},
    "miscellaneous crimes": {},
    "possession of weapons offences": {"weapon": Y},
    "public order offences": {},
    "robbery": {"violence": Y, "threat": Y, "intentional": Y, "against_people": Y,
                "power": Y, "harm_likely": Y},
    "sexual offences": SEXUAL,
    "theft offences": {"intentional": Y},
    "violence against the person": {"against_people": Y},
}
CHILD_U16 = {"victim_16_plus": N}
OVERRIDE = {
    # homicide (common law; Homicide Act 1957; Infanticide Act 1938; CMCHA 2007 s.1)
    "1": {"violence": Y, "death": Y, "homicide": Y, "intentional": Y, "power": Y,
          "harm_likely": Y, "note": "murder: an unlawful killing with intent to kill or to "
          "cause grievous bodily harm"},
    "4.1": {"death": Y, "homicide": Y, "harm_likely": Y,
            "note": "manslaughter: by an unlawful act or gross negligence; not necessarily "
            "violence or intentional"},
    "4.2": {"death": Y, "homicide": Y, "intentional": Y, "power": Y, "harm_likely": Y,
            **CHILD_U16, "note": "infanticide: a wilful act or omission causing the death of "
            "a child under twelve months"},
    "4.10": {"death": Y, "homicide": Y, "harm_likely": Y,
             "note": "corporate manslaughter: a gross breach of a duty of care by an "
             "organisation"},
    "1/4.1/4.10/4.2": {"death": Y, "homicide": Y, "harm_likely": Y,
                       "note": "the ONS homicide group as one code (murder, manslaughter, "
                       "corporate manslaughter, infanticide)"},
    "2": {"violence": Y, "intentional": Y, "power": Y, "harm_likely": Y,
          "note": "attempted murder: an act intended to kill"},
    "3A": {"intentional": Y, "note": "conspiracy to murder: an agreement, not yet violence"},
    "3B": {"violence": Y, "threat": Y, "intentional": Y, "power": Y,
           "note": "threats to kill (OAPA 1861 s.16): a threat of violence"},
    "4.3": {"intentional": Y, "against_people": U,
            "note": "intentional destruction of a viable unborn child"},
    "4.4": {"note": "causing death or serious injury by dangerous driving: violence only if "
            "the vehicle was used as a weapon"},
    "4.6": {"death": Y, "note": "causing death by careless driving under the influence"},
    "4.8": {"death": Y, "note": "causing death by careless or inconsiderate driving"},
    "4.9": {"death": Y, "note": "causing death by driving: unlicensed, disqualified or "
            "uninsured"},
    "37.1": {"death": Y, "note": "causing death by aggravated vehicle taking"},
    "4.7": {"power": Y, "harm_likely": Y, "note": "causing or allowing the death or serious "
            "harm of a child or vulnerable adult (DVCVA 2004 s.5): an act or an omission"},
    # assaults (CJA 1988 s.39; OAPA 1861 ss.18, 20, 47; AEWA 2018): assault or battery, the
    # intentional or reckless use or threat of unlawful force (the act, not its outcome)
    "105A": {**ASSAULT, "injury": N, "death": N, "note": "common assault: violent or threatening "
             "behaviour (assault or battery); without injury"},
    "105B": {**ASSAULT, "injury": N, "death": N, "note": "racially or religiously aggravated common "
             "assault; without injury"},
    "104": {**ASSAULT, "injury": N, "death": N, "note": "assault on an emergency worker; without injury"},
    "8N": {**ASSAULT, "physical": Y, "injury": Y, "note": "assault occasioning actual "
           "bodily harm or wounding"},
    "8P": {**ASSAULT, "physical": Y, "injury": Y, "note": "racially or religiously "
           "aggravated assault with injury"},
    "8S": {**ASSAULT, "physical": Y, "injury": Y, "note": "assault with injury on a "
           "constable or emergency worker"},
    "5D": {**ASSAULT, "physical": Y, "injury": Y, "note": "wounding or causing grievous "
           "bodily harm with intent (OAPA 1861 s.18)"},
    "5E": {"note": "endangering life (poisoning, endangering road or rail users): not "
           "necessarily violence"},
    # stalking and harassment (PHA 1997; Malicious Communications Act 1988; SCA 2015 s.76)
    "8L": {"psychological": Y, "power": Y, "harm_likely": Y,
           "note": "harassment: a course of conduct causing alarm or distress; violence "
           "only if it puts people in fear of violence"},
    "8M": {"psychological": Y, "power": Y, "harm_likely": Y,
           "note": "racially or religiously aggravated harassment"},
    "8Q": {"psychological": Y, "power": Y, "harm_likely": Y,
           "note": "stalking (PHA 1997 ss.2A, 4A)"},
    "8R": {"psychological": Y, "intentional": Y, "power": Y,
           "note": "malicious communications: sent to cause distress or anxiety; violence "
           "only if threatening"},
    "11A": {"intentional": Y, "power": Y, "harm_likely": Y, **CHILD_U16,
            "perpetrator_16_plus": Y, "note": "cruelty to children (CYPA 1933 s.1): a "
            "person aged 16 or over wilfully assaults, ill-treats, neglects, abandons or "
            "exposes a child under 16 in a manner likely to cause unnecessary suffering"},
    "13": {**CHILD_U16, "note": "child abduction (CAA 1984 ss.1-2): a child under 16; not "
           "necessarily by force"},
    "14": {"against_people": U, "note": "procuring illegal abortion"},
    "36": {"intentional": Y, "note": "kidnapping: by force or by fraud"},
    "106": {"intentional": Y, "power": Y, "note": "modern slavery (MSA 2015 s.1): holding "
            "in slavery or servitude, or forced labour"},
    # sexual offences (SOA 2003; Sch 3 via PCSC s.13(4))
    "19C": {**SEXUAL, "victim_16_plus": Y, "note": "rape of a female aged 16 or over"},
    "19F": {**SEXUAL, "victim_16_plus": Y, "note": "rape of a male aged 16 or over"},
    "19D": {**SEXUAL, **CHILD_U16, "note": "rape of a female child under 16"},
    "19G": {**SEXUAL, **CHILD_U16, "note": "rape of a male child under 16"},
    "19E": {**SEXUAL, **CHILD_U16, "note": "rape of a female child under 13 (SOA s.5)"},
    "19H": {**SEXUAL, **CHILD_U16, "note": "rape of a male child under 13 (SOA s.5)"},
    "20B": {**SEXUAL, **CHILD_U16, "note": "sexual assault on a female child under 13"},
    "17B": {**SEXUAL, **CHILD_U16, "note": "sexual assault on a male child under 13"},
    "21": {**SEXUAL, **CHILD_U16, "note": "sexual activity involving a child under 13"},
    "22B": {**SEXUAL, **CHILD_U16, "note": "sexual activity involving a child under 16"},
    "86": {**dict.fromkeys(SEXUAL, U), "note": "mixes obscene publications (not SOA Sch 3) "
           "and indecent images of children (Protection of Children Act 1978 s.1, Sch 3 "
           "para 13)"},
    "24": {"note": "exploitation of prostitution: SOA Sch 3 membership not confirmed"},
    # s.13(4) makes a "sexual offence" one specified in SOA 2003 Sch 3 (but para 14); the two
    # codes below are filed as sexual offences by the ONS but their Sch 3 membership is not
    # confirmed, so they prove only what every offence under them requires [U]
    "72": {**dict.fromkeys(SEXUAL, U), "intentional": Y, "against_people": Y,
           "note": "trafficking for sexual exploitation (SOA 2003 ss.57-59A, now Modern "
           "Slavery Act 2015 s.2): arranging or facilitating another's travel with a view to "
           "exploitation; Sch 3 was not seen, and the trafficking offences are believed to "
           "be listed in Sch 5, not Sch 3; not necessarily by force: so neither 'sexual' "
           "(s.13(4)) nor 'violence' is proven [U]"},
    "88C": {**dict.fromkeys(SEXUAL, U),
            "note": "other miscellaneous sexual offences: a residual code whose members are "
            "not listed here and may include offences outside SOA Sch 3 (such as sexual "
            "activity in a public lavatory, SOA s.71), so 'sexual' (s.13(4)) is not proven "
            "[U]"},
    # robbery (Theft Act 1968 s.8): force, or putting or seeking to put in fear of force
    "34A": {"note": "robbery: force or the threat of force, in order to steal"},
    "34B": {"note": "robbery: force or the threat of force, in order to steal"},
    # burglary with a weapon (Theft Act 1968 s.10)
    "29": {"weapon": Y, "note": "aggravated burglary: a weapon was carried; its use not known"},
    "29A": {"weapon": Y, "note": "aggravated burglary: a weapon was carried; its use not known"},
    "31": {"weapon": Y, "note": "aggravated burglary: a weapon was carried; its use not known"},
    "31A": {"weapon": Y, "note": "aggravated burglary: a weapon was carried; its use not known"},
    "35": {"power": Y, "against_people": Y, "note": "blackmail: demands with menaces (a "
           "use of power); the menaces need not be threats of violence"},
    # criminal damage and arson (Criminal Damage Act 1971 s.1: intentionally or recklessly)
    "56A": {"violence": Y, "property_violence": Y, "harm_likely": Y,
            "note": "arson endangering life: violence against property (s.13(3)(a)(iii))"},
    "56B": {"violence": Y, "property_violence": Y,
            "note": "arson: violence against property (s.13(3)(a)(iii))"},
    "59": {"violence": Y, "threat": Y, "intentional": Y,
           "note": "threat to destroy or damage property: a threat of violence (against "
           "property)"},
    "15": {"death": Y, "note": "concealing an infant death close to birth"},
    "76": {"death": U, "note": "aiding suicide: violence against oneself only in the WHO "
           "sense"},
    # possession of weapons
    "10A": {"firearm": Y, "intentional": Y, "note": "possession of firearms with intent (to "
            "endanger life or cause fear of violence)"},
    "10B": {"firearm": Y},
    "81": {"firearm": Y},
    "10D": {"knife": Y, "note": "possession of an article with a blade or point"},
    "90": {"knife": Y},
    "10C": {"note": "other offensive weapons"},
    # public order (Public Order Act 1986)
    "62A": {"violence": Y, "threat": Y, "note": "violent disorder: using or threatening "
            "unlawful violence (POA 1986 s.2)"},
    "9A": {"note": "public fear, alarm or distress: threatening behaviour or not"},
    "9B": {"note": "racially or religiously aggravated public fear, alarm or distress"},
}
EXTRA = {
    "8U": {
        "description": "Controlling or coercive behaviour in an intimate or family relationship",
        "ons_group": "violence against the person",
        "police_uk_category": "Violence and Sexual Offences",
        "facts": {"against_people": Y, "controlling": Y, "power": Y, "harm_likely": Y,
                  "connected": Y},
        "note": "Serious Crime Act 2015 s.76: repeated or continuous controlling or coercive "
        "behaviour towards a person personally connected, with a serious effect; the code "
        "'8U' is taken from ONS tables and is not confirmed against the Home Office list [U]",
    },
}


def _row(facts: dict[str, str]) -> dict[str, str]:
    out = dict.fromkeys(FACTS, U)
    out.update({k: v for k, v in facts.items() if k in FACTS})
    return out


def main() -> None:
    """Write offence-facts.csv from the join and the readings above."""
    with open(HERE / "policeuk-ons-code-join.csv", encoding="utf-8") as src:
        rows = list(csv.DictReader(src))
    with open(HERE / "offence-facts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", *FACTS, "description", "ons_group", "police_uk_category", "note"])
        for r in sorted(rows, key=lambda r: r["ONS_COUNTS_code"]):
            code = r["ONS_COUNTS_code"].strip()
            spec = {**GROUP[r["ONS_COUNTS_category"].strip()], **OVERRIDE.get(code, {})}
            facts = _row(spec)
            w.writerow([code, *(facts[k] for k in FACTS), "", "", "", spec.get("note", "")])
        for code, extra in sorted(EXTRA.items()):
            facts = _row(extra["facts"])
            w.writerow([
                code, *(facts[k] for k in FACTS), extra["description"], extra["ons_group"],
                extra["police_uk_category"], extra["note"],
            ])


if __name__ == "__main__":
    main()
