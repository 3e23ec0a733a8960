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
    "violence", "physical", "sexual", "schedule_3", "threat", "threat_of_violence", "property_violence",
    "weapon", "knife",
    "firearm", "corrosive", "death", "homicide", "injury", "intentional", "may_be_unintended",
    "against_people", "intent_to_injure",
    "psychological", "controlling", "economic", "neglect", "power", "harm_likely",
    "connected", "victim_16_plus", "perpetrator_16_plus",
]
Y, N, U = "yes", "no", "unknown"
# an assault or battery is committed intentionally or recklessly (R v Venna [1976] QB 421):
# the code does not prove the force was used intentionally (law61), so 'intentional' is
# left unknown; s.18 (5D), with intent, says it
ASSAULT = {"violence": Y, "threat": Y, "against_people": Y, "power": Y, "harm_likely": Y}
_RECKLESS = "so not necessarily used intentionally"
SEXUAL = {"violence": Y, "sexual": Y, "intentional": Y, "against_people": Y, "power": Y,
          "harm_likely": Y}
GROUP = {
    "criminal damage and arson": {},
    "drug offences": {},
    "miscellaneous crimes": {},
    # a weapon had, not one used: the incident's weapon is the weapon used (s.24(6)(b))
    "possession of weapons offences": {},
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
    # intent_to_injure (law60): the offence requires an intent to kill or to cause injury to
    # the person with the force it is committed by (murder, attempted murder), which is what
    # PCA 1953 s.1(4)'s second limb asks of an article used in that force. Intent or
    # recklessness as to the force alone (assault, battery, ABH: 8N, 105A) is not it, nor is
    # s.18's (5D) "with intent to resist or prevent the lawful apprehension" alternative.
    "1": {"violence": Y, "death": Y, "homicide": Y, "intentional": Y, "power": Y,
          "intent_to_injure": Y, "harm_likely": Y,
          "note": "murder: an unlawful killing with intent to kill or to "
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
    "2": {"violence": Y, "intentional": Y, "power": Y, "harm_likely": Y, "intent_to_injure": Y,
          "note": "attempted murder: an act intended to kill"},
    "3A": {"intentional": Y, "note": "conspiracy to murder: an agreement, not yet violence"},
    "3B": {"violence": Y, "threat": Y, "threat_of_violence": Y, "intentional": Y, "power": Y,
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
    # intentional or reckless use or threat of unlawful force (the act, not its outcome).
    # 'intentional' was kept for the act (WHO: the use of force is intended, not its
    # outcome), the reckless battery's act left an open question; law61 reads the offence's
    # requirement, as every other fact is read: recklessness as to the force suffices
    # (R v Venna; s.47: R v Savage, DPP v Parmenter [1992] 1 AC 699), so the code leaves it
    # unknown (an incident states it); s.18's intent (5D) says it.
    # Not 'physical': ABH and GBH need no physical force (R v Ireland; R v Burstow [1998]
    # AC 147: psychiatric injury by silent calls); s.18 is "by any means whatsoever".
    "105A": {**ASSAULT, "injury": N, "death": N, "note": "common assault: violent or threatening "
             "behaviour (assault or battery); without injury; intended or reckless (CJA 1988 "
             f"s.39: R v Venna), {_RECKLESS}"},
    "105B": {**ASSAULT, "injury": N, "death": N, "note": "racially or religiously aggravated common "
             f"assault; without injury; intended or reckless (CDA 1998 s.29(1)(c): R v Venna), {_RECKLESS}"},
    "104": {**ASSAULT, "injury": N, "death": N, "note": "assault on an emergency worker; without "
            f"injury; an assault or battery, intended or reckless (R v Venna), {_RECKLESS}"},
    "8N": {**ASSAULT, "injury": Y, "note": "assault occasioning actual bodily harm or "
           "wounding; not necessarily by physical force (R v Ireland; R v Burstow); the force "
           f"intended or reckless (OAPA 1861 s.47, s.20: R v Venna; R v Savage), {_RECKLESS}"},
    "8P": {**ASSAULT, "injury": Y, "note": "racially or religiously aggravated assault with "
           "injury; not necessarily by physical force; the force intended or reckless (s.47, "
           f"s.20 aggravated, CDA 1998 s.29), {_RECKLESS}"},
    "8S": {**ASSAULT, "injury": Y, "note": "assault with injury on a constable or emergency "
           "worker; not necessarily by physical force; the force intended or reckless (s.47, "
           f"s.20), {_RECKLESS}"},
    "5D": {**ASSAULT, "intentional": Y, "note": "wounding or causing grievous bodily harm with intent (OAPA "
           "1861 s.18, 'by any means whatsoever'); attempts are recorded under it too, so "
           "neither physical force nor an injury is proven"},
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
    "11A": {"power": Y, "harm_likely": Y, **CHILD_U16,
            "perpetrator_16_plus": Y, "note": "cruelty to children (CYPA 1933 s.1): a "
            "person aged 16 or over wilfully assaults, ill-treats, neglects, abandons or "
            "exposes a child under 16 in a manner likely to cause unnecessary suffering; "
            "'wilfully' is deliberately or recklessly (R v Sheppard [1981] AC 394), so not "
            "necessarily intentionally"},
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
    "71": {**dict.fromkeys(SEXUAL, U), "intentional": Y, "against_people": Y,
           "note": "abuse of children through sexual exploitation (SOA 2003 ss.47-50): Sch 3 "
           "lists s.47 (paying for the sexual services of a child) but not ss.48-50, and "
           "the code does not say which: 'sexual' (s.13(4)) is not proven [U]"},
    "88D": {"against_people": U, "note": "unnatural sexual offences (SOA 2003 ss.69-70, "
            "Sch 3 para 35: intercourse with an animal, sexual penetration of a corpse): a "
            "sexual offence, not one against another person"},
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
    **dict.fromkeys(("29", "29A", "31", "31A"), {
        "intentional": U,
        "note": "aggravated burglary (Theft Act 1968 s.10): a firearm or imitation firearm, a "
        "weapon of offence (to injure or incapacitate) or an explosive was carried; its use "
        "is not known (the incident's weapon is the weapon used), and the intent to steal is "
        "not an intent to injure with it"}),
    "35": {"power": Y, "against_people": Y, "note": "blackmail: demands with menaces (a "
           "use of power); the menaces need not be threats of violence"},
    # criminal damage and arson (Criminal Damage Act 1971 s.1: intentionally or recklessly)
    "56A": {"violence": Y, "property_violence": Y, "harm_likely": Y,
            "note": "arson endangering life: violence against property (s.13(3)(a)(iii))"},
    "56B": {"violence": Y, "property_violence": Y,
            "note": "arson: violence against property (s.13(3)(a)(iii))"},
    "59": {"intentional": Y,
           "note": "threat or possession with intent to commit criminal damage: a threat to "
           "destroy or damage property (Criminal Damage Act 1971 s.2) or having anything with "
           "intent to use it to destroy or damage property (s.3), which has no threat and no "
           "force; the code does not say which, and criminal damage itself (58A-58J) is not "
           "violence by its definition either"},
    "15": {"death": Y, "note": "concealing an infant death close to birth"},
    "76": {"death": U, "note": "aiding suicide: violence against oneself only in the WHO "
           "sense"},
    # possession of weapons
    # (Firearms Act 1968 ss.16A, 17, 18, 19 cover an imitation firearm too: not 'firearm')
    "10A": {"note": "possession of a firearm or imitation firearm with intent (to endanger "
            "life, or to cause fear of violence: not an intent to injure with it); had, not "
            "used"},
    "10B": {"note": "possession of firearms offences: a firearm or an imitation (s.19), "
            "had, not used"},
    "81": {"note": "other firearms offences: some concern ammunition alone (s.1(1)(b)) or an "
           "imitation"},
    "10D": {"note": "possession of an article with a blade or point (CJA 1988 s.139): a "
            "knife had, not one used (the incident's weapon is the weapon used, s.24(6)(b))"},
    "90": {"note": "other knives offences: a knife had or sold, not one used"},
    "10C": {"note": "other offensive weapons: had, not used"},
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


# s.13(4): whether the code's offence is one SOA 2003 Sch 3 specifies (a question of law
# about the offence, not of the incident). Sch 3 lists sexual offences (SOA 1956 and 2003,
# the Indecency with Children Act 1960, indecent photographs of children, extreme and
# prohibited images, a paedophile manual and their like): a code whose every offence is
# none of these (theft, assault, homicide, weapons, drugs...) is "no"; a code confirmed as
# Sch 3 ("sexual": yes) is "yes"; the codes below may hold an offence Sch 3 lists, or are
# residual, and stay "unknown".
SCHEDULE_3_OPEN = {
    "13",  # child abduction: the repealed SOA 1956 abductions were filed here
    "24",  # exploitation of prostitution
    "27",  # soliciting for the purposes of prostitution
    "66",  # other offences against the State or public order (residual)
    "71", "72", "86", "88C",  # see their notes
    "99",  # other notifiable offences (residual)
}


# may_be_unintended (law50): whether the code's offence may be committed by force used
# without intent or recklessness as to it: by accident, carelessly, negligently, or by
# allowing it (a question of law about the offence, as schedule_3 is). It is what withdraws
# the intended-force presumption (force-intentional, DA Act 2021 s.1(3)(a)-(b)): a code that
# is "yes" (or a category with such a code) says the recorded force may have been an
# accident; one that is "no" says nothing of the incident's force (its offence requires
# intent or recklessness for any force it involves: assault, robbery, arson, violent
# disorder; or it is not committed by force: possession, harassment, theft, fraud), and the
# presumption stands. Residual codes whose offences are not listed stay "unknown".
MAY_BE_UNINTENDED = {
    "1/4.1/4.10/4.2",  # the homicide group: manslaughter by gross negligence, corporate
    "4.1",  # manslaughter by gross negligence (or an unlawful act)
    "4.10",  # corporate manslaughter: a gross breach of a duty of care (CMCHA 2007 s.1(1))
    "4.4", "802",  # dangerous driving (RTA 1988 ss.1, 2): no intent to injure
    "4.6", "4.8",  # careless or inconsiderate driving (RTA 1988 ss.2B, 3A)
    "4.9",  # causing death by driving unlicensed, disqualified or uninsured (s.3ZB, 3ZC)
    "37.1",  # aggravated vehicle-taking causing death (Theft Act 1968 s.12A(2)(b))
    "4.7",  # allowing the death (DVCVA 2004 s.5(1)(d): ought to have been aware of the risk)
    "5E",  # endangering rail passengers "by any ... wilful omission or neglect" (OAPA s.34)
}
MAY_BE_UNINTENDED_OPEN = {"66", "81", "88C", "99"}  # residual: their offences are not listed


def _row(facts: dict[str, str], code: str) -> dict[str, str]:
    out = dict.fromkeys(FACTS, U)
    out.update({k: v for k, v in facts.items() if k in FACTS})
    if out["sexual"] == Y:
        out["schedule_3"] = Y
    elif code not in SCHEDULE_3_OPEN:
        out["schedule_3"] = N
    if code in MAY_BE_UNINTENDED:
        out["may_be_unintended"] = Y
    elif out["intentional"] == Y or code not in MAY_BE_UNINTENDED_OPEN:
        out["may_be_unintended"] = N
    return out


def main(out: Path = HERE / "offence-facts.csv") -> None:
    """Write offence-facts.csv (or ``out``) from the join and the readings above.

    ``tests/definitions/test_offence_table.py`` checks that the packaged file is what this
    writes: the readings and their reasons live here, and cannot drift from the data.
    """
    with open(HERE / "policeuk-ons-code-join.csv", encoding="utf-8") as src:
        rows = list(csv.DictReader(src))
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", *FACTS, "description", "ons_group", "police_uk_category", "note"])
        for r in sorted(rows, key=lambda r: r["ONS_COUNTS_code"]):
            code = r["ONS_COUNTS_code"].strip()
            spec = {**GROUP[r["ONS_COUNTS_category"].strip()], **OVERRIDE.get(code, {})}
            facts = _row(spec, code)
            w.writerow([code, *(facts[k] for k in FACTS), "", "", "", spec.get("note", "")])
        for code, extra in sorted(EXTRA.items()):
            facts = _row(extra["facts"], code)
            w.writerow([
                code, *(facts[k] for k in FACTS), extra["description"], extra["ons_group"],
                extra["police_uk_category"], extra["note"],
            ])


if __name__ == "__main__":
    main()
