"""Small realistic pages for the batch tests: a story of prose paragraphs inside a
site's menus, teasers and footer, as scrapers save them."""

from __future__ import annotations

STORIES = [
    ("Council approves new bridge over the river", [
        "The city council voted on Tuesday to approve a new bridge across the river, ending a debate that has "
        "lasted for almost ten years in the town.",
        "The bridge will cost about 40 million dollars and should open in 2027, the mayor said after the vote, "
        "adding that the old ferry would keep running until then.",
        "Residents on the east bank have long complained that the nearest crossing is a forty-minute drive away, "
        "and several of them spoke in favour of the plan at the meeting.",
    ]),
    ("Library extends its opening hours for students", [
        "The central library will stay open until midnight during the exam season, the head librarian announced "
        "on Monday after a petition signed by more than two thousand students.",
        "Extra staff will be hired for the evening shifts, which the university has agreed to pay for until the "
        "end of the academic year.",
        "Students said the reading rooms were often full by nine in the morning and that they had nowhere quiet "
        "to study once the building closed.",
    ]),
    ("Farmers report record apple harvest after mild spring", [
        "Orchards across the valley are reporting the largest apple harvest in two decades, helped by a mild "
        "spring without the late frosts that damaged blossoms last year.",
        "Growers say prices have fallen as a result, and some are turning part of the crop into cider and juice "
        "rather than selling it at a loss.",
        "The regional farmers' association expects the surplus to last well into the winter months, its "
        "chairwoman told reporters at the market on Friday.",
    ]),
    ("Hospital opens a new children's ward", [
        "A new children's ward with forty beds opened at the general hospital on Wednesday, two years after "
        "construction began on the site of the former car park.",
        "The ward has rooms where parents can stay overnight, something families had been asking for since the "
        "old wing was built in the nineteen-seventies.",
        "Doctors said the extra space would shorten waiting times for planned operations, which had grown during "
        "the winter because of a shortage of beds.",
    ]),
    ("Local runner wins the city marathon in her debut", [
        "A twenty-four-year-old teacher from the north of the city won the marathon on Sunday in her first ever "
        "race over the distance, finishing in just under two and a half hours.",
        "She said she had only started running seriously three years ago, training before school in the dark "
        "winter mornings with a group of friends.",
        "More than eight thousand runners took part this year, a record for the event, which raised money for "
        "the children's hospital and the food bank.",
    ]),
    ("Museum returns stolen painting to its owners", [
        "A painting stolen from a private collection in the nineteen-eighties has been returned to the family "
        "that owned it, after it turned up at an auction house last spring.",
        "Experts at the museum spent months confirming that the work was the one listed in the police report "
        "filed at the time of the burglary.",
        "The family said they planned to lend the painting to the museum for an exhibition next year, so that "
        "the public could see it for the first time in decades.",
    ]),
]

SITES = {
    "gazette": {
        "header": ["Skip to main content", "", "Home", "News", "Sport", "Business", "Opinion", "Weather", ""],
        "footer": ["", "Share on Facebook", "Share on Twitter", "", "Most read", "",
                   "Contact us", "Advertise with us", "Privacy policy", "Terms of use",
                   "© 2024 The Riverside Gazette. All rights reserved."],
    },
    "herald": {
        "header": ["Menu", "Search", "", "Local", "National", "World", "Culture", "Subscribe", ""],
        "footer": ["", "Related stories", "", "Follow us on Instagram", "", "About the Herald",
                   "Careers", "Cookie settings", "Copyright 2024 Valley Herald Media"],
    },
}


def page(n: int, site: str = "gazette", extra: list[str] | None = None) -> str:
    """Story ``n`` (modulo the stories) on ``site``, with ``extra`` blocks after the story."""
    title, paragraphs = STORIES[n % len(STORIES)]
    chrome = SITES[site]
    body = [title, ""]
    for p in paragraphs:
        body += [p, ""]
    body += extra or []
    return "\n".join(chrome["header"] + body + chrome["footer"]) + "\n"


def html_page(n: int, site: str = "gazette") -> str:
    title, paragraphs = STORIES[n % len(STORIES)]
    nav = "".join(f"<li><a href='/{x.lower()}'>{x}</a></li>" for x in SITES[site]["header"] if x)
    foot = "".join(f"<p>{x}</p>" for x in SITES[site]["footer"] if x)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title></head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>{foot}</footer></body></html>")
