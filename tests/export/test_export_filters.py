"""Selecting claims by period, region and a warning problem's evidence."""

from __future__ import annotations

import pytest

from forcewatch.errors import ConfigError
from forcewatch.export import cited_ids, claim_id, select


def test_since_until_keep_claims_in_the_period(claims_all):
    october = select(claims_all, since="2022-10-01", until="2022-10-31")
    assert october and {c["doc"] for c in october} == {"002"}


def test_until_a_month_includes_the_whole_month(claims_all):
    feb = select(claims_all, since="2022-02", until="2022-02")
    assert feb and all(c["date"].startswith("2022-02") for c in feb)


def test_partial_claim_date_overlapping_the_period_is_kept(claims_news):
    claim = dict(claims_news[0], date="2022-10")
    assert select([claim], since="2022-10-20") == [claim]
    assert select([claim], since="2022-11-01") == []


def test_bad_date_option_is_a_config_error(claims_all):
    with pytest.raises(ConfigError, match="--since '17/10/2022' is not a date"):
        select(claims_all, since="17/10/2022")


def test_region_matches_location_objects_and_names(claims_all):
    assert len(select(claims_all, region="Belarus")) == len(claims_all)
    assert select(claims_all, region="Poland") == []


def test_problem_evidence_keeps_only_cited_claims(claims_news):
    assessment = {"indicators": [{"claims": [claim_id(claims_news[0])]}, {"claims": [claims_news[3]]}]}
    kept = select(claims_news, cited=cited_ids(assessment))
    assert kept == [claims_news[0], claims_news[3]]
