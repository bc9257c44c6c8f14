"""The built-in profiles as data: typed, titled in Chinese, and each citing its notice."""

from __future__ import annotations

import re

import pytest

from techvp.messages import policy as text
from techvp.models.batch import POLICIES
from techvp.policies.profiles import PROFILES, PolicyParams

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_one_profile_per_policy_name() -> None:
    assert sorted(PROFILES) == sorted(POLICIES)
    assert sorted(text.SOURCES) == sorted(POLICIES)
    assert sorted(text.CLAUSES) == sorted(POLICIES)


@pytest.mark.parametrize("name", sorted(PolicyParams.model_fields))
def test_every_parameter_has_a_chinese_title(name: str) -> None:
    info = PolicyParams.model_fields[name]
    assert info.title and CJK.search(info.title), name
    assert info.annotation is not None


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_profiles_round_trip_through_strings(name: str) -> None:
    """What a batch file can write (strings, lists of strings) rebuilds each profile."""
    dumped = PROFILES[name].model_dump(mode="json")
    as_yaml = {
        k: (
            None
            if v is None
            else [str(x) for x in v]
            if isinstance(v, list)
            else v
            if isinstance(v, dict)
            else str(v).lower()
        )
        for k, v in dumped.items()
    }
    assert PolicyParams.model_validate(as_yaml) == PROFILES[name]


def test_profiles_say_what_the_notices_say() -> None:
    hubei, wuhan = PROFILES["hubei-2020"], PROFILES["wuhan-2022"]
    deepened, special = PROFILES["deepened"], PROFILES["special-action-2020"]
    assert (hubei.max_age, hubei.min_title_level, hubei.research_output) == (
        45,
        "副高级",
        "patent-or-result",
    )
    assert wuhan.research_output == "invention-or-result"
    assert wuhan.priority_qualifications == ["专精特新中小企业", '专精特新"小巨人"企业']
    assert (deepened.max_age, deepened.priority_max_age, deepened.min_contract_years) == (55, 40, 3)
    assert (special.min_intended_amount, special.experts_per_enterprise) == (10, 1)
    assert special.required_qualifications == ["科技型中小企业"]


def test_programmes_for_smes_check_enterprise_size() -> None:
    # 鄂经信科技〔2020〕73号 and the Wuhan notice: 对口担任中小微企业“科技副总” (an error);
    # the deepened plan's 中小科技型企业 and the special action's 科技型中小企业 (a warning).
    sizes = {name: profile.sme_size for name, profile in PROFILES.items()}
    assert sizes == {
        "hubei-2020": "error",
        "wuhan-2022": "error",
        "deepened": "warning",
        "special-action-2020": "warning",
    }
