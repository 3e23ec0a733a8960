"""Generate src/svduty/data/offences/offence-facts.csv (run once; the CSV is the data).

The facts each Home Office offence code implies, by ONS offence group with per-code
overrides. Values: yes / no / unknown ("the code alone does not tell").
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "src/svduty/data/offences"
FACTS = [
    "violence", "physical", "sexual", "threat", "property_violence", "weapon", "knife",
    "firearm", "corrosive", "death", "homicide", "injury", "intentional", "against_people",
    "psychological", "controlling", "economic",
]
NO = dict.fromkeys(FACTS, "no")
GROUP = {
    "criminal damage and arson": {**NO, "violence": "unknown", "intentional": "yes",
                                  "property_violence": "unknown"},
    "drug offences": {**NO, "intentional": "yes"},
    "miscellaneous crimes": {**NO, "intentional": "unknown"},
    "possession of weapons offences": {**NO, "weapon": "yes", "intentional": "yes"},
    "public order offences": {**NO, "violence": "unknown", "threat": "unknown",
                              "physical": "unknown", "intentional": "yes",
                              "against_people": "unknown", "psychological": "unknown"},
    "robbery": {**NO, "violence": "yes", "physical": "unknown", "threat": "unknown",
                "weapon": "unknown", "knife": "unknown", "firearm": "unknown",
                "injury": "unknown", "intentional": "yes", "against_people": "yes",
                "psychological": "unknown"},
    "sexual offences": {**NO, "violence": "yes", "sexual": "yes", "physical": "unknown",
                        "threat": "unknown", "injury": "unknown", "intentional": "yes",
                        "against_people": "yes", "psychological": "unknown",
                        "controlling": "unknown"},
    "theft offences": {**NO, "intentional": "yes"},
    "violence against the person": {**NO, "violence": "yes", "physical": "unknown",
                                    "threat": "unknown", "weapon": "unknown",
                                    "knife": "unknown", "firearm": "unknown",
                                    "injury": "unknown", "intentional": "yes",
                                    "against_people": "yes", "psychological": "unknown",
                                    "controlling": "unknown"},
}
U = "unknown"
OVERRIDE = {
    "56A": {"violence": "yes", "property_violence": "yes", "against_people": U,
            "note": "arson: violence against property (s.13(3)(a)(iii))"},
    "56B": {"violence": "yes", "property_violence": "yes",
            "note": "arson: violence against property (s.13(3)(a)(iii))"},
    "58A": {"note": "criminal damage: may or may not be 'violence' against property"},
    "58B": {"note": "criminal damage: may or may not be 'violence' against property"},
    "58C": {"note": "criminal damage: may or may not be 'violence' against property"},
    "58D": {"note": "criminal damage: may or may not be 'violence' against property"},
    "58J": {"note": "criminal damage: may or may not be 'violence' against property"},
    "59": {"violence": "yes", "threat": "yes", "intentional": "yes",
           "note": "threat to destroy or damage property: a threat of violence"},
    "76": {"violence": U, "death": U, "against_people": "yes", "intentional": "yes",
           "note": "aiding suicide: violence against oneself only in the WHO sense"},
    "86": {"sexual": U, "note": "mixes obscene publications (not SOA Sch 3) and "
           "indecent images of children (Protection of Children Act 1978 s.1, Sch 3 para 13)"},
    "24": {"sexual": U, "note": "exploitation of prostitution: SOA Sch 3 membership not "
           "confirmed"},
    "10A": {"violence": U, "threat": U, "firearm": "yes",
            "note": "possession of firearms with intent (to endanger life or cause fear of "
            "violence)"},
    "10B": {"firearm": "yes"},
    "81": {"firearm": "yes"},
    "10D": {"knife": "yes"},
    "90": {"knife": "yes"},
    "10C": {"note": "other offensive weapons"},
    "62A": {"violence": "yes", "threat": "yes", "note": "violent disorder"},
    "9A": {"note": "public fear, alarm or distress: threatening behaviour or not"},
    "9B": {"note": "racially or religiously aggravated public fear, alarm or distress"},
    "29": {"weapon": "yes", "violence": U, "threat": U, "against_people": U,
           "note": "aggravated burglary: a weapon was carried; its use not known"},
    "29A": {"weapon": "yes", "violence": U, "threat": U, "against_people": U,
            "note": "aggravated burglary: a weapon was carried; its use not known"},
    "31": {"weapon": "yes", "violence": U, "threat": U, "against_people": U,
           "note": "aggravated burglary: a weapon was carried; its use not known"},
    "31A": {"weapon": "yes", "violence": U, "threat": U, "against_people": U,
            "note": "aggravated burglary: a weapon was carried; its use not known"},
    "35": {"violence": U, "threat": U, "against_people": "yes", "psychological": U,
           "note": "blackmail: menaces may or may not be threats of violence"},
    "1": {"death": "yes", "homicide": "yes", "injury": "yes", "note": "murder"},
    "4.1": {"death": "yes", "homicide": "yes", "injury": "yes", "intentional": U,
            "note": "manslaughter"},
    "4.2": {"death": "yes", "homicide": "yes", "injury": "yes", "note": "infanticide"},
    "4.10": {"violence": U, "death": "yes", "homicide": "yes", "intentional": "no",
             "physical": "no", "weapon": "no", "knife": "no", "firearm": "no",
             "note": "corporate manslaughter: a gross breach of a duty of care, not violence"},
    "1/4.1/4.10/4.2": {"violence": U, "death": "yes", "homicide": "yes", "intentional": U,
                       "note": "the ONS homicide group as one code (murder, manslaughter, "
                       "corporate manslaughter, infanticide)"},
    "2": {"physical": U, "injury": U, "note": "attempted murder"},
    "3A": {"violence": U, "note": "conspiracy to murder: an agreement, not yet violence"},
    "3B": {"threat": "yes", "injury": "no", "note": "threats to kill"},
    "4.3": {"physical": "yes", "note": "intentional destruction of a viable unborn child"},
    "4.4": {"violence": U, "death": U, "injury": U, "intentional": "no", "weapon": U,
            "note": "dangerous driving: violence only if the vehicle was used as a weapon"},
    "4.6": {"violence": U, "death": "yes", "intentional": "no", "weapon": U,
            "note": "causing death by driving: violence only if the vehicle was used as a "
            "weapon"},
    "4.8": {"violence": U, "death": "yes", "intentional": "no", "weapon": U,
            "note": "causing death by driving: violence only if the vehicle was used as a "
            "weapon"},
    "4.9": {"violence": U, "death": "yes", "intentional": "no", "weapon": U,
            "note": "causing death by driving: violence only if the vehicle was used as a "
            "weapon"},
    "37.1": {"violence": U, "death": "yes", "intentional": "no", "weapon": U,
             "note": "causing death by aggravated vehicle taking"},
    "4.7": {"violence": U, "death": U, "injury": U, "intentional": U,
            "note": "causing or allowing death or serious harm: may be by neglect"},
    "5D": {"physical": "yes", "injury": "yes"},
    "5E": {"violence": U, "note": "endangering life (e.g. poisoning, endangering road or "
           "rail users): not necessarily violence"},
    "8N": {"physical": "yes", "injury": "yes"},
    "8P": {"physical": "yes", "injury": "yes"},
    "8S": {"physical": "yes", "injury": "yes"},
    "104": {"injury": "no"},
    "105A": {"injury": "no"},
    "105B": {"injury": "no"},
    "8L": {"violence": U, "psychological": "yes", "injury": "no",
           "note": "harassment: violence only if it puts people in fear of violence"},
    "8M": {"violence": U, "psychological": "yes", "injury": "no",
           "note": "racially or religiously aggravated harassment"},
    "8Q": {"violence": U, "psychological": "yes", "injury": "no", "note": "stalking"},
    "8R": {"violence": U, "psychological": "yes", "injury": "no",
           "note": "malicious communications: violence only if threatening"},
    "11A": {"violence": U, "note": "cruelty to children: includes neglect"},
    "13": {"violence": U, "note": "child abduction: not necessarily by force"},
    "14": {"violence": U, "note": "procuring illegal abortion"},
    "36": {"violence": U, "note": "kidnapping: by force or by fraud"},
    "106": {"violence": U, "note": "modern slavery: by force, threats or deception"},
}
rows = list(csv.DictReader(open(HERE / "policeuk-ons-code-join.csv", encoding="utf-8")))
with open(HERE / "offence-facts.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", *FACTS, "note"])
    for r in sorted(rows, key=lambda r: r["ONS_COUNTS_code"]):
        code = r["ONS_COUNTS_code"].strip()
        facts = {**GROUP[r["ONS_COUNTS_category"].strip()], "note": ""}
        facts.update(OVERRIDE.get(code, {}))
        only_knife_or_gun = facts["knife"] == "yes" or facts["firearm"] == "yes"
        facts["corrosive"] = "no" if facts["weapon"] == "no" or only_knife_or_gun else "unknown"
        if facts["sexual"] == "yes" and code in {"72", "73", "71", "88C"}:
            facts["note"] = facts["note"] or "SOA Sch 3 membership taken at group level [U]"
        w.writerow([code, *(facts[k] for k in FACTS), facts["note"]])
