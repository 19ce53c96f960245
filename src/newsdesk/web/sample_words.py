"""Invented names and phrases for the fictional sample store (no real outlet or article text)."""

from __future__ import annotations

OUTLETS: tuple[tuple[str, str], ...] = (
    ("The Harbour Ledger", "GB"),
    ("Valley Courier", "US"),
    ("Northwind Post", "CA"),
    ("Meridian Daily", "IN"),
    ("Coral Times", "AU"),
    ("Riverbend Herald", "US"),
    ("Lumen Wire", "DE"),
    ("Atlas Bulletin", "FR"),
    ("Sunrise Gazette", "JP"),
    ("Kestrel Review", "ZA"),
)

PEOPLE: tuple[str, ...] = (
    "Mara Quell",
    "Tobin Arkwright",
    "Ines Varrow",
    "Oskar Delane",
    "Priya Hollis",
    "Lev Ostrander",
    "Nadia Crewe",
    "Felix Brannock",
)

PLACES: tuple[str, ...] = (
    "Port Alder",
    "Vesmark",
    "Lindqvist Bay",
    "Orrin Valley",
    "Castelmoor",
    "New Tarrow",
)

TOPICS: tuple[str, ...] = (
    "harbour bridge",
    "water treaty",
    "rail strike",
    "solar farm",
    "fishing quota",
    "budget vote",
    "museum fire",
    "transit plan",
    "trade talks",
    "flood defences",
)

VERBS: tuple[str, ...] = ("approved", "delayed", "rejected", "announced", "questioned", "reviewed")

FILLER: tuple[str, ...] = (
    "Officials met late into the evening to settle the remaining points.",
    "Residents gathered outside the council building to follow the debate.",
    "Analysts said the decision could shape the region for a decade.",
    "The proposal had been discussed for several months before the vote.",
    "Opposition members asked for more time to study the figures.",
    "A spokesperson declined to give further details on the schedule.",
    "Local businesses welcomed the news but warned about rising costs.",
    "The committee is expected to publish its full report next week.",
)

FURNITURE: tuple[tuple[str, str], ...] = (
    ("navigation", "Home | World | Business | Sport | Weather"),
    ("related", "Read more: five things to know this week"),
    ("footer", "All rights reserved. Subscribe for daily updates."),
    ("ticker", "Markets: index up 0.4 per cent at noon"),
)
