"""CPX profile parameters over real HTTP: sent as documented for allowed fields, never for the others."""

from __future__ import annotations

import pytest
import requests

from surveydesk.core.model import AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.demo.cpx_site import CPX_APP_ID, CPX_EXT_USER_ID, CPX_SECRET, cpx_site
from surveydesk.platforms.cpx.profile_share import CHANNEL, CpxProfileParams
from surveydesk.platforms.cpx.tasks import CPXConnector
from surveydesk.profile.mappings import load_cpx_mapping
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore
from surveydesk.store import Database
from tests.conftest import one_site
from tests.factories import FixedClock

ACCOUNT = AccountKey("cpx", "main")
PROFILE = {
    "birth_date": "1988-11-03",
    "gender": "male",
    "country": "DE",
    "postal_code": "80331",
    "occupation": "nurse",
    "household_income": "30k_50k",
}


@pytest.fixture
def site_and_exchange():
    with one_site(cpx_site, seed=3, min_interval=0) as served:
        yield served


def poll(exchange: DemoExchange, session: requests.Session, store: ProfileStore, clock: FixedClock) -> None:
    connector = CPXConnector(
        ACCOUNT, exchange.url_of("cpx"), lambda: CPX_SECRET, session, clock,
        {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID},
    )  # fmt: skip
    connector.share_profile(CpxProfileParams(store, load_cpx_mapping(), ACCOUNT))
    assert connector.fetch_tasks()


def test_nothing_is_sent_until_the_worker_allows_it(site_and_exchange, session, database: Database) -> None:
    site, exchange = site_and_exchange
    clock = FixedClock()
    store = ProfileStore(database, clock)
    store.set_answers(PROFILE)
    poll(exchange, session, store, clock)
    assert site.profile_params_received == [{}]
    assert store.disclosures() == []


def test_allowed_fields_go_as_documented_and_are_logged(site_and_exchange, session, database: Database) -> None:
    site, exchange = site_and_exchange
    clock = FixedClock()
    store = ProfileStore(database, clock)
    store.set_answers(PROFILE)
    for field in ("birth_date", "gender"):
        store.set_permission(field, "cpx", Permission.ALWAYS)
    store.set_permission("postal_code", "cpx", Permission.ASK)  # "ask" cannot apply to an unseen request
    poll(exchange, session, store, clock)
    assert site.profile_params_received == [
        {"main_info": "true", "birthday_day": "3", "birthday_month": "11", "birthday_year": "1988", "gender": "m"}
    ]
    assert {(item.platform, item.account, item.field, item.channel) for item in store.disclosures()} == {
        ("cpx", "main", "birth_date", CHANNEL),
        ("cpx", "main", "gender", CHANNEL),
    }


def test_a_field_taken_back_is_not_sent_at_the_next_request(site_and_exchange, session, database) -> None:
    site, exchange = site_and_exchange
    clock = FixedClock()
    store = ProfileStore(database, clock)
    store.set_answers(PROFILE)
    store.set_permission("postal_code", "cpx", Permission.ALWAYS)
    store.set_permission("country", "cpx", Permission.ALWAYS)
    poll(exchange, session, store, clock)
    store.set_permission("postal_code", "cpx", Permission.NEVER)
    poll(exchange, session, store, clock)
    assert site.profile_params_received == [
        {"main_info": "true", "user_country_code": "DE", "zip_code": "80331"},
        {"main_info": "true", "user_country_code": "DE"},
    ]


def test_profile_parameters_cannot_replace_the_request_s_own(site_and_exchange, session, database) -> None:
    site, exchange = site_and_exchange
    clock = FixedClock()
    connector = CPXConnector(
        ACCOUNT, exchange.url_of("cpx"), lambda: CPX_SECRET, session, clock,
        {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID},
    )  # fmt: skip
    connector.share_profile(lambda: {"app_id": "evil", "secure_hash": "x", "zip_code": "1"})
    assert connector.fetch_tasks()  # the site checks app id and hash: the request's own won
    assert site.profile_params_received == [{"zip_code": "1"}]
