"""Survey walls by link: the ids a real-shaped BitLabs or CPX link carries are read, said in words, and hostile or
broken links are refused with a sentence that never repeats the link."""

from __future__ import annotations

import pytest

from surveydesk.platforms.offerwall_links import LinkRefused, read_bitlabs_link, read_cpx_link

APP_KEY = "3f1d2c4b-5a69-4788-9aab-bccdde0f1a2b"
SIGNATURE = "5d41402abc4b2a76b9719d911017c592"


@pytest.mark.parametrize(
    "link",
    [
        f"https://web.bitlabs.ai/?uid=member-77&token={APP_KEY}",
        f"https://web.bitlabs.ai/?token={APP_KEY}&uid=member-77",  # the order varies between sites
        f"  https://web.bitlabs.ai/?uid=member-77&token={APP_KEY}&theme=DARK\n",  # pasted with spaces, extras
        f"https://web.bitlabs.ai/index.html?uid=member-77&token={APP_KEY}#/surveys",
    ],
)
def test_a_bitlabs_wall_link_gives_the_member_and_the_app_key(link: str):
    found = read_bitlabs_link(link)
    assert (found.member_id, found.app_key) == ("member-77", APP_KEY)
    assert found.found == "A BitLabs survey wall for member member-77: SurveyDesk can list its surveys."


def test_a_cpx_wall_link_gives_app_member_and_the_ready_made_signature():
    link = (
        "https://offers.cpx-research.com/index.php?app_id=12345&ext_user_id=user_42"
        f"&secure_hash={SIGNATURE.upper()}&username=&email=&subid_1=&subid_2="
    )
    found = read_cpx_link(link)
    assert (found.app_id, found.member_id, found.signature) == ("12345", "user_42", SIGNATURE)
    assert "without a signature" not in found.found


def test_a_cpx_link_without_a_signature_is_read_and_says_what_that_means():
    found = read_cpx_link("https://offers.cpx-research.com/index.php?app_id=9&ext_user_id=42")
    assert found.signature is None
    assert "without a signature" in found.found


@pytest.mark.parametrize(
    "link",
    [
        f"https://web.bitlabs.ai.example.com/?uid=m&token={APP_KEY}",  # a look-alike host
        f"https://example.com/?next=https://web.bitlabs.ai/&uid=m&token={APP_KEY}",
        f"https://web.bitlabs.ai@example.com/?uid=m&token={APP_KEY}",  # the real host as a user name
        f"https://x:y@web.bitlabs.ai/?uid=m&token={APP_KEY}",
        f"http://web.bitlabs.ai/?uid=m&token={APP_KEY}",  # not encrypted
        f"https://web.bitlabs.ai:8443/?uid=m&token={APP_KEY}",
        f"https://web.bitlabs.ai:99999/?uid=m&token={APP_KEY}",  # not even a port
        f"javascript:alert(1)//https://web.bitlabs.ai/?uid=m&token={APP_KEY}",
        f"data:text/html,<script>alert(1)</script>?uid=m&token={APP_KEY}",
        f"https://web.bitlabs.ai/?uid=m&token={APP_KEY}\u202e",  # direction-changing character
        f"https://web.bitlabs.ai/?uid=m m&token={APP_KEY}",
        "",
        "web.bitlabs.ai",
        f"https://web.bitlabs.ai/?uid=m&token={APP_KEY}&x=" + "a" * 5000,
    ],
)
def test_hostile_or_foreign_bitlabs_links_are_refused_in_words(link: str):
    with pytest.raises(LinkRefused) as refused:
        read_bitlabs_link(link)
    assert refused.value.message.startswith("This is not a BitLabs link")
    assert APP_KEY not in refused.value.message


@pytest.mark.parametrize(
    ("link", "words"),
    [
        (f"https://web.bitlabs.ai/?token={APP_KEY}", "lacks your member number"),
        ("https://web.bitlabs.ai/?uid=m", "lacks the rewards site's key"),
        ("https://web.bitlabs.ai/?uid=m&token=", "lacks the rewards site's key"),
        ("https://web.bitlabs.ai/?uid=<script>alert(1)</script>&token=" + APP_KEY, "unexpected form"),
        ("https://web.bitlabs.ai/?uid=%3Cscript%3E&token=" + APP_KEY, "unexpected form"),
        (f"https://web.bitlabs.ai/?uid=a&uid=b&token={APP_KEY}", "unexpected form"),  # which member?
        ("https://web.bitlabs.ai/?uid=m&token=short", "unexpected form"),
    ],
)
def test_bitlabs_links_missing_or_mangling_a_value_say_which(link: str, words: str):
    with pytest.raises(LinkRefused) as refused:
        read_bitlabs_link(link)
    assert words in refused.value.message


@pytest.mark.parametrize(
    "link",
    [
        "https://offers.cpx-research.com/index.php?ext_user_id=42",  # no app
        "https://offers.cpx-research.com/index.php?app_id=abc&ext_user_id=42",
        "https://offers.cpx-research.com/index.php?app_id=9&ext_user_id=42&secure_hash=<svg/onload=alert(1)>",
        "https://offers.cpx-research.com/index.php?app_id=9&ext_user_id=42&secure_hash=abc",  # not an MD5
        "https://offers.cpx-research.com.evil.test/index.php?app_id=9&ext_user_id=42",
        "https://web.bitlabs.ai/?app_id=9&ext_user_id=42",  # the other wall
    ],
)
def test_broken_or_hostile_cpx_links_are_refused(link: str):
    with pytest.raises(LinkRefused):
        read_cpx_link(link)


def test_the_demo_wall_on_loopback_is_read_over_plain_http_only_there():
    wall = "http://127.0.0.1:8123/bitlabs/wall"
    found = read_bitlabs_link(f"{wall}?uid=demo&token={APP_KEY}", wall=wall)
    assert found.member_id == "demo"
    with pytest.raises(LinkRefused):
        read_bitlabs_link(f"http://127.0.0.1:8123/cpx/wall?uid=demo&token={APP_KEY}", wall=wall)
