"""The words of the incident JSON contract and of the answers, as enumerations."""

from __future__ import annotations

from svduty._checked import checked_methods
from svduty._words import Words

__all__ = [
    "WORD_FIELDS",
    "Behaviour",
    "Context",
    "Country",
    "Harm",
    "OtherReview",
    "Relationship",
    "Review",
    "Target",
    "Weapon",
]


@checked_methods
class Review(Words):
    """Whether an offensive weapons homicide review is required (PCSC Act 2022 s.24).

    Example:
        >>> Review.of(True).value
        'required'
    """

    REQUIRED = "required"
    NOT_REQUIRED = "not_required"
    UNDETERMINED = "undetermined"

    @classmethod
    def of(cls, value: bool | None) -> Review:
        """The review answer for a three-valued truth value.

        Example:
            >>> Review.of(None).value
            'undetermined'
        """
        if value is None:
            return cls.UNDETERMINED
        return cls.REQUIRED if value else cls.NOT_REQUIRED


class Behaviour(Words):
    """The kinds of abusive behaviour of the Domestic Abuse Act 2021 s.1(3), and neglect.

    They describe any incident, not only domestic abuse: ``physical`` is physical force
    against a person or against property (an arson: ``physical`` with ``target``
    ``property``, s.13(3)(a)(iii)). An empty list says that none of them happened.

    ``neglect`` (neglect or an act of omission) is the WHO 2002 "use of power" that is not
    an act of commission. The DA Act does not list it: a recorder who reads the neglect as
    psychological, emotional or other abuse (s.1(3)(e)) says so with ``psychological``;
    neglect with none of the kinds s.1(3) lists is not domestic abuse, and the reason
    ``DA-S1-3E-NEGLECT`` says how to record it as other abuse.

    Example:
        >>> Behaviour("economic").name
        'ECONOMIC'
    """

    PHYSICAL = "physical"
    SEXUAL = "sexual"
    VIOLENT_OR_THREATENING = "violent_or_threatening"
    CONTROLLING_OR_COERCIVE = "controlling_or_coercive"
    ECONOMIC = "economic"
    PSYCHOLOGICAL = "psychological"
    NEGLECT = "neglect"


class Target(Words):
    """Against whom or what the behaviour was directed (WHO 2002; PCSC s.13(3)(a)(iii)).

    Example:
        >>> Target("property").value
        'property'
    """

    SELF = "self"
    PERSON = "person"
    GROUP = "group"
    COMMUNITY = "community"
    PROPERTY = "property"


class Harm(Words):
    """The harms of the WHO 2002 definition of violence.

    Example:
        >>> [h.value for h in Harm][:2]
        ['injury', 'death']
    """

    INJURY = "injury"
    DEATH = "death"
    PSYCHOLOGICAL_HARM = "psychological_harm"
    MALDEVELOPMENT = "maldevelopment"
    DEPRIVATION = "deprivation"


class Weapon(Words):
    """The weapon used, if any (``none`` means none was used).

    An article only carried (a knife in a pocket; an offence of possession alone) is not
    recorded: the death or the events surrounding it must have "involved the use of an
    offensive weapon" (PCSC Act 2022 s.24(6)(b)), and svduty reads ``intentional`` and
    ``target`` as describing the weapon's use.

    ``knife`` is a knife or other sharp instrument (an article with a blade or point, CJA
    1988 s.139), as the ONS counts knife crime; ``firearm`` a real firearm (an imitation is
    ``other``).

    Example:
        >>> Weapon("corrosive") is Weapon.CORROSIVE
        True
    """

    NONE = "none"
    KNIFE = "knife"
    FIREARM = "firearm"
    CORROSIVE = "corrosive"
    OTHER = "other"


class Relationship(Words):
    """How victim and perpetrator are connected: the seven limbs of DA Act 2021 s.2(1).

    Six limbs count a past connection: (a), (b) and (e) read "are, or have been"; (c) and (d)
    count an agreement "whether or not the agreement has been terminated"; (f) reads
    "there has been a time when they each have had" a parental relationship; (g) reads
    "they are relatives", in the present. ``none`` means the two are not personally connected.

    One limb is recorded: where several apply, record one the domestic homicide review
    test reads (DVCVA 2004 s.9(1)(a): ``married``, ``civil_partners``,
    ``intimate_personal_relationship``, ``relatives``) before the others. Two people who
    are each a parent of the same child and are, or have been, in an intimate personal
    relationship are ``intimate_personal_relationship``;
    ``parental_relationship_same_child`` says that the parental relationship is their only
    connection (s.9(1) then turns on whether they shared a household).

    Example:
        >>> Relationship("agreed_to_marry").value
        'agreed_to_marry'
    """

    MARRIED = "married"
    CIVIL_PARTNERS = "civil_partners"
    AGREED_TO_MARRY = "agreed_to_marry"
    CIVIL_PARTNERSHIP_AGREEMENT = "civil_partnership_agreement"
    INTIMATE_PERSONAL_RELATIONSHIP = "intimate_personal_relationship"
    PARENTAL_RELATIONSHIP_SAME_CHILD = "parental_relationship_same_child"
    RELATIVES = "relatives"
    NONE = "none"


class Context(Words):
    """Context flags a recorder asserts; an absent list is read as "none indicated".

    Example:
        >>> Context("county_lines").value
        'county_lines'
    """

    COUNTY_LINES = "county_lines"
    GANG = "gang"
    SOCIAL_MEDIA = "social_media"
    EXPLOITATION = "exploitation"
    TERRORISM = "terrorism"


class Country(Words):
    """Where the incident and, for a death, the death happened (one country for both).

    Section 24(1)(b) asks where the death occurred: ``country`` is the country of
    ``location`` and ``place_of_death`` both. When they differ (injured in Wales, died in
    an English hospital), leave it out and give the codes: a country another code
    contradicts is a conflict.

    Example:
        >>> Country("Wales").value
        'Wales'
    """

    ENGLAND = "England"
    WALES = "Wales"
    SCOTLAND = "Scotland"
    NORTHERN_IRELAND = "Northern Ireland"
    OUTSIDE_UK = "outside_uk"


class OtherReview(Words):
    """Reviews that take precedence over an offensive weapons homicide review (s.26).

    An extension of the incident contract (field ``other_reviews``): a recorder asserts
    the other reviews that must or may be held; an absent list is read as none known. A
    given list is the whole of them: one that leaves out a child death review, a domestic
    homicide review or a safeguarding adults review the incident's facts show may be held
    is a conflict where a death is known.
    ``safeguarding_adults_review``: one must *or may* be arranged (Care Act 2014 s.44(1),
    (4)), and s.44(4) lets a board review any case of an adult with needs for care and
    support: flag it whenever an adult victim in England had such needs.
    ``mental_health_investigation`` is not a review of s.26(1) or (3): the death was
    caused, or is likely to have been caused, by a person receiving or who has received
    mental health services, and may or must be investigated under NHS arrangements
    (England) or may be reviewed under
    the Health and Social Care (Community Health and Standards) Act 2003 s.70 (Wales).
    s.26(2) and (4) let regulations exclude such a death from the duty; whether any do is
    not confirmed, so it leaves the answer ``undetermined``.

    Example:
        >>> OtherReview("safeguarding_adults_review").value
        'safeguarding_adults_review'
    """

    CHILD_DEATH_REVIEW = "child_death_review"
    DOMESTIC_HOMICIDE_REVIEW = "domestic_homicide_review"
    SAFEGUARDING_ADULTS_REVIEW = "safeguarding_adults_review"
    WELSH_SAFEGUARDING_REVIEW = "welsh_safeguarding_review"
    MENTAL_HEALTH_INVESTIGATION = "mental_health_investigation"


WORD_FIELDS: dict[str, type[Words]] = {
    "target": Target,
    "weapon": Weapon,
    "relationship": Relationship,
    "country": Country,
}
"""The incident's fields that hold one word, with their words: read by the columnar
engine's columns and named by a local kind's ``facts`` (one table for both).

Example:
    >>> sorted(WORD_FIELDS), WORD_FIELDS["weapon"]("knife").value
    (['country', 'relationship', 'target', 'weapon'], 'knife')
"""
