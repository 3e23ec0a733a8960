"""Authorities under the Serious Violence Duty: categories, named bodies and rules.

The statutory categories (Schedule 1 :term:`specified authorities <specified
authority>`, Schedule 2 :term:`relevant authorities <relevant authority>`, :term:`local
policing bodies <local policing body>`, other partners) with their citations; the join
rule from an authority to its :term:`local government areas <local government area>`
(s.11(6)); and the rules on consultation
(s.8(4), s.9(4)), assistance (s.14), disclosure (s.16), requests for information (s.17)
and directions (s.18); and a review partner's duties for one death in an offensive weapons
homicide review (s.24(1)-(5), s.26, s.27), which review partners are relevant for a
death (s.25) and its information and report (s.28(6),
ss.29-30), each answering yes, no or undetermined with
reasons.

Example:
    >>> from svduty.authorities import AuthorityCategory, category_info
    >>> category_info(AuthorityCategory.LOCAL_POLICING_BODY).role.value
    'local_policing_body'
"""

from svduty.authorities._authority import (
    Absence,
    Authority,
    DistrictsWithin,
    Establishment,
    Holder,
    InDoubt,
    PlannedChange,
    local_government_areas,
)
from svduty.authorities._categories import (
    CATEGORIES,
    AuthorityCategory,
    CategoryInfo,
    JoinRule,
    Nation,
    Role,
    category_info,
)
from svduty.authorities._consultation import may_assist, must_consult_s8, must_consult_s9
from svduty.authorities._directions import DUTIES, can_be_directed
from svduty.authorities._in_doubt import in_doubt_on
from svduty.authorities._information import (
    InformationFacts,
    may_disclose,
    may_require_information,
)
from svduty.authorities._model import Authorities
from svduty.authorities._owhr_information import (
    RequestFacts,
    may_include_in_report,
    must_provide_information,
)
from svduty.authorities._owhr_notices import (
    must_notify,
    must_notify_again,
    notification_deadline,
)
from svduty.authorities._owhr_partner import ReviewFacts, must_arrange_review
from svduty.authorities._owhr_parts import REG7_DOUBT, Reg7Reading
from svduty.authorities._owhr_relevant import DeathPlaceFacts, relevant_review_partners
from svduty.authorities._specified import role_of, specified_authorities_for

__all__ = [
    "CATEGORIES",
    "DUTIES",
    "REG7_DOUBT",
    "Absence",
    "Authorities",
    "Authority",
    "AuthorityCategory",
    "CategoryInfo",
    "DeathPlaceFacts",
    "DistrictsWithin",
    "Establishment",
    "Holder",
    "InDoubt",
    "InformationFacts",
    "JoinRule",
    "Nation",
    "PlannedChange",
    "Reg7Reading",
    "RequestFacts",
    "ReviewFacts",
    "Role",
    "can_be_directed",
    "category_info",
    "in_doubt_on",
    "local_government_areas",
    "may_assist",
    "may_disclose",
    "may_include_in_report",
    "may_require_information",
    "must_arrange_review",
    "must_consult_s8",
    "must_consult_s9",
    "must_notify",
    "must_notify_again",
    "must_provide_information",
    "notification_deadline",
    "relevant_review_partners",
    "role_of",
    "specified_authorities_for",
]
