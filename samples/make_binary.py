"""Write ``corpus/08_ccnews.warc.gz``: three CC-NEWS-style HTML responses, byte for byte.

Run from the repository root: ``.venv/bin/python samples/make_binary.py``. Record ids and
dates are fixed and the gzip members carry no timestamp, so the output never changes;
tests compare its digest with the committed file.
"""

from __future__ import annotations

import hashlib
import io
import sys
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "08_ccnews.warc.gz"

WIRE_BODY = """
<p>PORT AVERIN, Maravel (Coastline Wire) &ndash; A bulk carrier ran aground on a reef off the island of Maravel late on Thursday, spilling fuel oil into the sea and forcing the closure of Port Averin harbour, the Maravel Maritime Safety Agency said.</p>
<p>The Orla Brand, carrying 40,000 tonnes of grain, struck Kestrel Reef about 6 kilometres south of the harbour at around 11:40 p.m. local time, the agency said.</p>
<p>All 22 crew members were lifted off the ship by a coastguard helicopter and a lifeboat crew, and nobody was injured.</p>
<p>The agency estimated that about 1,200 tonnes of fuel oil had leaked from a damaged tank by early Friday.</p>
<p>&ldquo;We will keep the harbour closed until every tonne of oil is out of the water,&rdquo; agency spokeswoman Ines Calloway told reporters at the harbour.</p>
<p>The ship&rsquo;s owner, Brask Lines, said in a statement that it was working with the authorities and had hired a salvage company.</p>
<p>Fishing crews in the village of Sollen, east of the harbour, said oil had already reached two beaches.</p>
<p>The cause of the grounding was not immediately clear.</p>
"""

WIRE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Cargo ship runs aground off Maravel, spilling fuel oil near Port Averin</title>
<meta name="author" content="Maya Thornfield">
<meta property="article:published_time" content="2031-03-14T02:10:00+00:00">
<meta property="og:site_name" content="Coastline Wire">
</head><body>
<header><a href="/">COASTLINE WIRE</a> <nav><a href="/world">World</a> <a href="/markets">Markets</a> <a href="/shipping">Shipping</a></nav></header>
<article>
<h1>Cargo ship runs aground off Maravel, spilling fuel oil near Port Averin</h1>
<p class="byline">By Maya Thornfield</p>
<p class="dateline">March 14, 2031 2:10 AM UTC</p>
{WIRE_BODY}
<p class="credit">(Reporting by Maya Thornfield; Editing by Paul Derrow)</p>
</article>
<footer>Coastline Wire. All quotes delayed a minimum of 15 minutes. &copy; 2031 Coastline Wire. All rights reserved.</footer>
</body></html>
"""

# The reprint keeps the wire text but changes units and furniture, as syndication does.
REPRINT_BODY = WIRE_BODY.replace("6 kilometres", "6km").replace(
    "PORT AVERIN, Maravel (Coastline Wire) &ndash; ", ""
)

REPRINT_PAGE = f"""<!DOCTYPE html>
<html lang="en-NZ"><head><meta charset="utf-8">
<title>Cargo ship runs aground off Maravel, spilling fuel oil near Port Averin | Tidewater Times</title>
<meta name="pubdate" content="2031-03-14T16:20:00+13:00">
<meta property="og:site_name" content="Tidewater Times">
</head><body>
<div class="masthead"><a href="/">Tidewater Times</a> <span>Friday 14 March 2031</span> <a href="/subscribe">Subscribe</a></div>
<nav><a href="/nz">NZ</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="ad">Advertisement</div>
<article>
<h1>Cargo ship runs aground off Maravel, spilling fuel oil near Port Averin</h1>
<div class="byline">Maya Thornfield, Coastline Wire</div>
{REPRINT_BODY}
</article>
<aside><h3>Most read</h3><ol>
<li><a href="/1">Tauranga marina upgrade approved</a></li>
<li><a href="/2">Dairy prices lift for third auction</a></li>
<li><a href="/3">Heavy rain warning for Coromandel</a></li></ol></aside>
<footer>&copy; 2031 Tidewater Times Ltd. Reprinted with permission of Coastline Wire.</footer>
</body></html>
"""

COMET_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kellan Observatory astronomers find comet that will pass Earth in 2033</title>
<meta property="article:published_time" content="2031-03-12T09:30:00-07:00">
<meta name="author" content="Priya Vandermeer">
<meta property="og:site_name" content="Skyward Science">
</head><body>
<nav><a href="/">Skyward Science</a> <a href="/space">Space</a> <a href="/earth">Earth</a> <a href="/tech">Tech</a></nav>
<article>
<h1>Kellan Observatory astronomers find comet that will pass Earth in 2033</h1>
<p class="byline">By Priya Vandermeer | March 12, 2031</p>
<p>Astronomers at the Kellan Observatory have discovered a comet that will pass within 60 million kilometres of Earth in the autumn of 2033, the observatory said on Wednesday.</p>
<p>The comet, catalogued as C/2031 E2 (Kellan), was first seen on images taken on March 3 by the observatory's 1.8-metre survey telescope. Follow-up observations from three other sites confirmed its orbit.</p>
<p>&ldquo;It is faint now, but it is heading inward and it will brighten a great deal,&rdquo; said Dr. Oren Halstead, who leads the survey. &ldquo;In a dark sky it could be visible with binoculars.&rdquo;</p>
<p>The comet poses no risk to Earth, the observatory said. Its nucleus is estimated to be between 2 and 4 kilometres across.</p>
</article>
<footer>&copy; 2031 Skyward Science</footer>
</body></html>
"""

RECORDS = [
    (
        "https://www.coastlinewire.example/world/2031/03/14/orla-brand-aground-port-averin",
        "2031-03-14T03:05:12Z",
        WIRE_PAGE,
    ),
    (
        "https://tidewatertimes.example/news/world/cargo-ship-aground-maravel",
        "2031-03-14T04:41:55Z",
        REPRINT_PAGE,
    ),
    (
        "https://skywardscience.example/space/2031/03/12/comet-kellan",
        "2031-03-13T22:18:03Z",
        COMET_PAGE,
    ),
]


def make_record_id(uri: str, date: str) -> str:
    """Return a WARC-Record-ID fixed by the record's URI and date (no random UUIDs)."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri + ' ' + date)}>"


def write_warc(out: io.BufferedIOBase) -> None:
    """Write the warcinfo record and the three responses to ``out``."""
    writer = WARCWriter(out, gzip=True)
    info_date = "2031-03-14T05:00:00Z"
    info = writer.create_warcinfo_record(
        "08_ccnews.warc.gz",
        {"software": "newsdesk samples/make_binary.py", "format": "WARC File Format 1.1"},
    )
    info.rec_headers.replace_header("WARC-Record-ID", make_record_id("warcinfo", info_date))
    info.rec_headers.replace_header("WARC-Date", info_date)
    writer.write_record(info)
    for uri, date, html in RECORDS:
        payload = html.encode("utf-8")
        http_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(payload),
            # A known length keeps warcio from spooling the payload to a temporary file.
            length=len(payload),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Record-ID": make_record_id(uri, date),
                "WARC-Date": date,
            },
        )
        writer.write_record(record)


def main(argv: list[str]) -> int:
    """Write the WARC file and print its SHA-256."""
    buffer = io.BytesIO()
    write_warc(buffer)
    OUT.write_bytes(buffer.getvalue())
    print(OUT.name, hashlib.sha256(buffer.getvalue()).hexdigest())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
