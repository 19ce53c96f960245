"""Outlet registry: lookups by host and name, mentions in furniture lines, registry sanity."""

from __future__ import annotations

import json
import re
import zoneinfo
from importlib import resources

import pytest

from newsdesk.clean.outlets import (
    Outlet,
    build_registry,
    default_registry,
    find_outlet_mentions,
    outlet_by_host,
    outlet_by_name,
    outlet_from_host_unknown,
    parse_outlets,
)


def read_rows() -> list[dict]:
    return json.loads(resources.files("newsdesk").joinpath("data/outlets.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.japantimes.co.jp/news/2031/03/14/world/", "The Japan Times"),
        ("news.yahoo.com", "Yahoo"),
        ("https://uk.news.yahoo.com/some-story-123.html", "Yahoo"),
        ("timesofoman.com", "Times of Oman"),
        ("http://www.independent.co.uk:80/news/world", "The Independent"),
        ("https://www.nytimes.com/2031/03/13/world/x.html", "The New York Times"),
        ("spacewar.com/reports/x.html", "SpaceWar"),
        ("https://greenwatchbd.com/x/", "GreenWatch"),
        ("reportultra.com", "Reportultra"),
        ("thehill.com", "The Hill"),
        ("https://www.aljazeera.com/news/", "Al Jazeera"),
        ("rt.com", "RT"),
        ("tass.com", "TASS"),
        ("kyivindependent.com", "The Kyiv Independent"),
        ("www.pravda.com.ua", "Ukrainska Pravda"),
        ("meduza.io", "Meduza"),
        ("www.c-span.org/video/", "C-SPAN"),
        # the more specific host wins over a shared parent domain
        ("https://economictimes.indiatimes.com/news", "The Economic Times"),
        ("timesofindia.indiatimes.com", "The Times of India"),
        # a host that merely ends with another outlet's host is not a subdomain of it
        ("thestar.com.my", "The Star (Malaysia)"),
        ("thestar.com", "Toronto Star"),
    ],
)
def test_outlet_by_host_finds_outlet(url: str, name: str) -> None:
    outlet = outlet_by_host(url)
    assert outlet is not None and outlet.name == name


@pytest.mark.parametrize("url", ["harbourgazette.example", "https://x.invalid/a", "", "com"])
def test_outlet_by_host_returns_none_for_unknown(url: str) -> None:
    assert outlet_by_host(url) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Japan Times", "The Japan Times"),
        ("the japan times", "The Japan Times"),
        ("NEW YORK TIMES", "The New York Times"),
        ("Yahoo News", "Yahoo"),
        ("GreenWatch Desk", "GreenWatch"),
        ("Nexstar Media, Inc.", "Nexstar Media Group"),
        ("SpaceWar.com", "SpaceWar"),
        ("Times of London", "The Times"),
        ("Mail & Guardian", "Mail & Guardian"),
        ("Mail and Guardian", "Mail & Guardian"),
        # bylines and site titles that carry the name plus furniture
        ("Reuters staff and agencies", "Reuters"),
        ("Al Jazeera Staff", "Al Jazeera"),
        ("Daily Mail Online", "Daily Mail"),
        ("BBC News | Home", "BBC News"),
        ("The Hindu: Breaking News, India News", "The Hindu"),
    ],
)
def test_outlet_by_name_finds_outlet(name: str, expected: str) -> None:
    outlet = outlet_by_name(name)
    assert outlet is not None and outlet.name == expected


def test_the_times_is_not_an_alias_of_the_new_york_times() -> None:
    outlet = outlet_by_name("The Times")
    assert outlet is not None and outlet.name == "The Times" and outlet.country == "GB"
    nyt = outlet_by_name("The New York Times")
    assert nyt is not None and "The Times" not in nyt.aliases


@pytest.mark.parametrize(
    "name",
    ["", "Harbour Gazette", "Politics", "the", "Today: what you need to know", "Metro - delays"],
)
def test_outlet_by_name_returns_none_for_unknown(name: str) -> None:
    assert outlet_by_name(name) is None


def test_find_outlet_mentions_in_fictional_lines() -> None:
    lines = [
        "Ferry strike leaves island cut off",  # 0 title: no outlet
        "Yahoo",  # 1 outlet line of an aggregator
        "  • Politics",  # 2
        "  • Yahoo",  # 3 bullet naming the outlet
        "GreenWatch Desk: World News 2031-03-14, 9:12am",  # 4 desk byline
        "Learn about harbour logistics at SpaceWar.com",  # 5 host in furniture
        "https://reportultra.com - © 2031 Reportultra",  # 6 footer
        "The ferry never left. Copyright 2031 Nexstar Media, Inc. All rights reserved.",  # 7
        "© 2031 Dawn",  # 8
        "Today",  # 9 a date label, not the Singapore outlet TODAY
        "The mayor told The New York Times she would stay.",  # 10 a citation in a sentence
        "Download the Daily8 app today and start exploring.",  # 11 signature
        "write to tips@nytimes.com",  # 12 an e-mail address is not a host mention
        "Metro",  # 13 a section name that is also a UK outlet's name
        "The Independent",  # 14 a multi-word name on its own line
    ]
    found = [(i, o.name, how) for i, o, how in find_outlet_mentions(lines)]
    assert found == [
        (1, "Yahoo", "name"),
        (3, "Yahoo", "name"),
        (4, "GreenWatch", "name"),
        (5, "SpaceWar", "host"),
        (6, "Reportultra", "host"),
        (7, "Nexstar Media Group", "name"),
        (8, "Dawn", "name"),
        (11, "Daily8", "signature"),
        (14, "The Independent", "name"),
    ]


def test_find_outlet_mentions_uses_an_extended_registry() -> None:
    harbour = Outlet("Harbour Gazette", ("harbourgazette.example",), (), "NZ", "Pacific/Auckland")
    registry = build_registry([*default_registry().outlets, harbour])
    lines = ["Harbour Gazette", "Read more at harbourgazette.example", "Yahoo"]
    found = [(i, o.name, how) for i, o, how in find_outlet_mentions(lines, registry)]
    assert found == [
        (0, "Harbour Gazette", "name"),
        (1, "Harbour Gazette", "host"),
        (2, "Yahoo", "name"),
    ]
    assert outlet_by_host("news.harbourgazette.example", registry) == harbour


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("reportultra.com", "Reportultra"),
        ("www.the-daily-post.co.uk", "The Daily Post"),
        ("https://news.riverside-herald.com.au/a/b", "Riverside Herald"),
        ("thedailypost.com", "The Daily Post"),
        ("harbourgazette.example", "Harbourgazette"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_outlet_from_host_unknown_reads_host(host: str, name: str) -> None:
    assert outlet_from_host_unknown(host) == name


def test_registry_entries_are_well_formed() -> None:
    rows = read_rows()
    assert len(rows) >= 200
    allowed = {"name", "hosts", "aliases", "country", "tz", "signatures"}
    unknown_home = []
    for row in rows:
        assert set(row) <= allowed, row
        assert row["name"].strip() == row["name"] and row["name"]
        for host in row["hosts"]:
            assert host == host.lower() and not host.startswith("www."), host
            assert re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", host), host
        if row["country"] is None or row["tz"] is None:
            unknown_home.append(row["name"])
            continue
        assert re.fullmatch(r"[A-Z]{2}", row["country"]), row
        zoneinfo.ZoneInfo(row["tz"])  # raises for a zone that is not IANA
    # Only outlets whose newsroom home we do not know may leave it empty.
    assert unknown_home == ["Daily8", "Reportultra"]


def test_registry_has_no_duplicate_hosts_or_names() -> None:
    outlets = parse_outlets(json.dumps(read_rows()))
    hosts = [h for o in outlets for h in o.hosts]
    assert len(hosts) == len(set(hosts))
    keys = [k for o in outlets for k in {n.casefold() for n in (o.name, *o.aliases)}]
    assert len(keys) == len(set(keys))


def test_every_outlet_is_found_by_its_own_hosts_and_names() -> None:
    for outlet in default_registry().outlets:
        for host in outlet.hosts:
            assert outlet_by_host("https://www." + host + "/x") == outlet, host
        for name in (outlet.name, *outlet.aliases):
            assert outlet_by_name(name) == outlet, name
