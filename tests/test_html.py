"""HTML input: structure as evidence, the page's own metadata, and broken markup."""

import json
import re

import pytest

from cleaner import Cleaner, clean_html
from cleaner.html import html_to_text, read_page

STORY = [
    "The city council voted on Tuesday to approve a new bridge across the river, ending a debate that has "
    "lasted for almost ten years in the small town of Millbrook.",
    "The bridge will cost about 40 million dollars and should open in 2027, the mayor said after the vote, "
    "adding that work on the foundations would begin in the spring.",
    "Opponents had argued that the money would be better spent on schools, but a study published last year "
    "found that traffic on the old bridge had doubled since 2010.",
    "Residents who spoke at the meeting were divided, with some welcoming the shorter commute and others "
    "worried about noise from the construction site near their homes.",
]
TEASERS = [
    "A local bakery has won a national prize for its sourdough bread, the second award in three years for "
    "the family business that opened in 1952.",
    "The high school football team lost the regional final on Saturday after a late field goal, ending a "
    "season in which it had not lost a single game.",
]


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>Council approves bridge | Millbrook News</title>{head}</head><body>{body}</body></html>")


def story_html(tag: str = "article") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    return f"<{tag}><h1>Council approves bridge</h1>{paragraphs}</{tag}>"


def test_story_is_found_and_chrome_regions_dropped():
    html = page(
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav></header>"
        + story_html()
        + "<aside><h3>More news</h3>" + "".join(f"<p>{t}</p>" for t in TEASERS) + "</aside>"
        "<footer><p>© 2024 Millbrook News. All rights reserved.</p><a href='/privacy'>Privacy Policy</a></footer>"
    )
    article = clean_html(html)
    assert article.text.split("\n\n") == STORY
    assert article.title == "Council approves bridge"


def test_class_words_mark_teasers():
    html = page(story_html("div") + "<div class='related-stories'>"
                + "".join(f"<div class='teaser'><a href='/x'>Headline {i}</a><p>{t}</p></div>"
                          for i, t in enumerate(TEASERS)) + "</div>")
    text = clean_html(html).text
    assert STORY[-1] in text
    assert all(t not in text for t in TEASERS)


def test_link_lists_are_dropped():
    links = "".join(f"<li><a href='/s/{i}'>Story number {i} about the town and its people</a></li>" for i in range(12))
    text = clean_html(page(story_html() + f"<ul>{links}</ul>")).text
    assert "Story number" not in text and STORY[0] in text


def test_hidden_nodes_scripts_and_controls_never_appear():
    hidden = ("<div style='display: none'>Secret hidden paragraph that nobody sees on the page at all.</div>"
              "<p aria-hidden='true'>Aria hidden words.</p><p hidden>Hidden attribute words.</p>"
              "<span class='sr-only'>Screen reader words.</span>"
              "<script>var x = 'script words';</script><style>.a{color:red}</style>"
              "<noscript>Please enable JavaScript.</noscript><template><p>Template words.</p></template>"
              "<svg><text>Svg words</text></svg><form><input value='Input words'><button>Button words</button>"
              "<select><option>Option words</option></select></form>")
    text = html_to_text(page(hidden + story_html()))
    for words in ("Secret hidden", "Aria hidden", "Hidden attribute", "Screen reader", "script words",
                  "color:red", "enable JavaScript", "Template words", "Svg words", "Input words", "Button words",
                  "Option words"):
        assert words not in text
    assert STORY[0] in text


def test_a_formulas_tex_source_is_not_shown_but_the_formula_is():
    formula = ("<p>The cost grows as <math><semantics><mrow><mi>n</mi><mo>log</mo><mi>n</mi></mrow>"
               "<annotation encoding='application/x-tex'>{\\displaystyle n\\log n}</annotation>"
               "</semantics></math> with the number of spans.</p>")
    text = html_to_text(page(story_html() + formula))
    assert "displaystyle" not in text
    assert re.search(r"The cost grows as n ?log ?n with the number of spans\.", text)


def test_a_page_inside_noscript_is_kept():
    text = clean_html(page("<noscript>" + story_html() + "</noscript>")).text
    assert STORY[0] in text


def test_block_structure_is_recorded():
    blocks = read_page(page("<nav><a href='/'>Home</a></nav>" + story_html() + "<footer>Contact us</footer>")).blocks
    by_text = {b.text: b.html for b in blocks}
    assert "nav" in by_text["Home"].regions and by_text["Home"].link_density == 1.0
    assert "footer" in by_text["Contact us"].regions
    first = by_text[STORY[0]]
    assert "article" in first.regions and first.paragraph and first.in_root and first.link_density == 0.0
    assert by_text["Council approves bridge"].heading == 1


def test_lists_and_tables_inside_the_story_are_kept():
    body = ("<article><h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY[:2])
            + "<h2>What the bridge will cost</h2><ul><li>Foundations: 12 million dollars</li>"
            "<li>Steel deck: 20 million dollars</li><li>Approach roads: 8 million dollars</li></ul>"
            + "".join(f"<p>{p}</p>" for p in STORY[2:]) + "</article>")
    text = clean_html(page(body)).text
    assert "Steel deck: 20 million dollars" in text
    assert "What the bridge will cost" in text


def test_json_ld_metadata():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves bridge",
          "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
          "datePublished": "2024-03-05T09:30:00+01:00", "publisher": {"@type": "Organization", "name": "Millbrook News"}}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    article = clean_html(page(story_html(), head))
    assert article.title == "Council approves bridge"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published == "2024-03-05T09:30:00+01:00"
    assert article.source == "Millbrook News"


def test_json_ld_graph_and_broken_json_are_handled():
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Millbrook News"},
             {"@type": "Article", "headline": "Council approves bridge", "datePublished": "2024-03-05"}]}
    head = ("<script type='application/ld+json'>{not json</script>"
            f"<script type='application/ld+json'>{json.dumps(graph)}</script>")
    assert clean_html(page(story_html(), head)).published == "2024-03-05"


def test_json_ld_author_given_by_reference():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Council approves bridge", "author": {"@id": "https://mb.example/#/person/1"}},
        {"@type": "Person", "@id": "https://mb.example/#/person/1", "name": "Jane Doe"}]}
    head = f"<script type='application/ld+json'>{json.dumps(graph)}</script>"
    assert clean_html(page(story_html(), head)).authors == ["Jane Doe"]


def test_declared_author_completes_a_first_name_byline():
    body = story_html().replace("</h1>", "</h1><p>By Jane</p><p>March 5, 2024</p>")
    assert clean_html(page(body)).authors == ["Jane"]
    article = clean_html(page(body, "<meta name='author' content='Jane Doe'>"))
    assert article.authors == ["Jane Doe"]
    # a different declared name (an editor, the site) does not replace the byline
    assert clean_html(page(body, "<meta name='author' content='Millbrook News'>")).authors == ["Jane"]
    # a byline read with a word beside the name
    body = story_html().replace("</h1>", "</h1><p>March 5, 2024 Council Reporter Jane Doe</p>")
    assert clean_html(page(body)).authors == ["Council Reporter Jane Doe"]
    assert clean_html(page(body, "<meta name='author' content='Jane Doe'>")).authors == ["Jane Doe"]


def test_declared_local_time_wins_over_the_same_moment_in_utc():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "dateCreated": "2024-03-06T01:30:00Z"}
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    local = head + "<meta property='article:published_time' content='2024-03-05T20:30:00-05:00'>"
    assert clean_html(page(story_html(), local)).published == "2024-03-05T20:30:00-05:00"
    other = head + "<meta property='article:published_time' content='2024-03-04T20:30:00-05:00'>"
    assert clean_html(page(story_html(), other)).published == "2024-03-06T01:30:00+00:00"


def test_opengraph_and_meta_tags():
    head = ("<meta property='og:title' content='Council approves bridge'>"
            "<meta property='og:site_name' content='Millbrook News'>"
            "<meta property='article:published_time' content='2024-03-05T08:00:00Z'>"
            "<meta name='author' content='Jane Doe'>")
    article = clean_html(page(story_html(), head))
    assert article.published.startswith("2024-03-05")
    assert article.authors == ["Jane Doe"]
    assert article.source == "Millbrook News"


def test_dublin_core_creator_and_several_properties_on_one_tag():
    head = ("<meta name='author' content='Millbrook Web Team'>"
            "<meta property='dc:creator schema:author' content='Jane Doe'>")
    assert clean_html(page(story_html(), head)).authors == ["Jane Doe"]


def test_time_element_and_rel_author():
    body = ("<article><h1>Council approves bridge</h1><p class='byline'>By <a rel='author' href='/jd'>Jane Doe</a>"
            "</p><time datetime='2024-03-05'>March 5</time>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    article = clean_html(page(body))
    assert article.published == "2024-03-05"
    assert article.authors == ["Jane Doe"]


def test_a_kicker_printed_in_the_headline_element_is_not_the_title():
    og = "<meta property='og:title' content='Bridge vote: Council approves bridge'>"
    for h1 in ("<span class='kicker'>Bridge vote</span><span class='sr-only'>: </span><span>Council approves bridge</span>",
               "<span class='h1small'>Bridge vote</span> Council approves bridge",
               "<a href='/bridge'><span class='article__roofline'>Bridge vote</span> Council approves bridge</a>"):
        html = page(story_html().replace("<h1>Council approves bridge</h1>", f"<h1>{h1}</h1>"), og)
        assert clean_html(html).title == "Council approves bridge"
    # parts with no kicker's class stay one headline
    html = page(story_html().replace("<h1>Council approves bridge</h1>",
                                     "<h1><span>Council approves</span> <span>bridge</span></h1>"))
    assert clean_html(html).title == "Council approves bridge"


def test_the_headline_printed_again_with_its_subtitle_is_the_title():
    body = ("<article><h1>Bridges of the valley - Part 4</h1><em>Tuesday, 2 November 2021</em>"
            "<h2>Bridges of the valley - Part 4 – The Millbrook crossing</h2>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    html = page(body).replace("Council approves bridge | Millbrook News", "Bridges of the valley - Part 4 | Millbrook News")
    assert clean_html(html).title == "Bridges of the valley - Part 4 – The Millbrook crossing"


def test_the_headline_marked_up_as_one_is_the_title():
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY)
    body = (f"<div class='crumbs'><a href='/'>Start</a> <a href='/rat'>Advice</a></div><h3>Council matters</h3>"
            f"<div class='item'><h2 itemprop='headline'>Council approves bridge at last</h2>{paragraphs}</div>")
    assert clean_html(page(body)).title == "Council approves bridge at last"
    # several marked up: teasers are too, and none is trusted
    teasers = "".join(f"<div><span itemprop='headline'>{t[:40]}</span><p>{t}</p></div>" for t in TEASERS)
    assert read_page(page(body)).meta["headline"] == "Council approves bridge at last"
    assert "headline" not in read_page(page(body + teasers)).meta


def test_a_declared_title_only_the_document_title_prints_is_not_taken_as_printed():
    from types import SimpleNamespace
    from cleaner.html.meta import _choose_title

    # the <title> glues headline and site name; the page prints the headline alone
    glued = "Truck wash on the A31The other business directory for small firms | The other business directory for small firms"
    lines = [glued, "The other business directory for small firms", "Trades", "Contact", "Truck wash on the A31",
             "Listed on 3 January 2020 by the support team"]
    evidence = [SimpleNamespace(block=SimpleNamespace(text=t), words=len(t.split())) for t in lines]
    title = _choose_title("The other business directory for small firms", [glued], [glued], ["Truck wash on the A31"],
                          lines[3:], evidence)
    assert title == "Truck wash on the A31"


def test_declared_author_printed_above_the_story_outranks_a_byline_read_elsewhere():
    from types import SimpleNamespace
    from cleaner.html.meta import _printed_by_story

    lines = ["Other story of the day", "John Roe", "Today 7:30AM", "News", "Sport", "Weather", "Business", "Travel",
             "Council approves bridge", "Jane Doe", "9/11/13 10:00AM", STORY[0], STORY[1]]
    evidence = [SimpleNamespace(block=SimpleNamespace(text=t), words=len(t.split())) for t in lines]
    assert _printed_by_story(["Jane Doe"], ["John Roe"], evidence, start=11)
    # the text's name printed there too: the text read the right byline
    # a declared brand, not a person's name, does not replace what the text read
    branded = [SimpleNamespace(block=SimpleNamespace(text=t), words=len(t.split()))
               for t in lines[:9] + ["hejfish"] + lines[10:]]
    assert not _printed_by_story(["hejfish"], ["John Roe"], branded, start=11)
    near = lines[:9] + ["Jane Doe and John Roe"] + lines[10:]
    evidence = [SimpleNamespace(block=SimpleNamespace(text=t), words=len(t.split())) for t in near]
    assert not _printed_by_story(["Jane Doe"], ["John Roe"], evidence, start=11)


def test_a_numeric_date_on_a_page_in_british_english_puts_the_day_first():
    body = ("<article><h1>Council approves bridge</h1><p>Jane Doe 02/10/2020</p>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    assert clean_html(page(body, lang="en-GB")).published == "2020-10-02"
    assert clean_html(page(body, lang="en-US")).published == "2020-02-10"
    # a date that reads one way only stays as it is
    assert clean_html(page(body.replace("02/10/2020", "02/14/2020"), lang="en-GB")).published == "2020-02-14"


def test_a_comments_time_is_not_the_articles_date():
    comment = ("<section id='comments'><div class='comment-meta'><time datetime='2024-03-19T08:12:00+01:00'>"
               "3 days ago</time></div><p>Great news for the town, at last!</p></section>")
    body = (f"<article><h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + f"</article>{comment}")
    assert not (clean_html(page(body)).published or "").startswith("2024-03-19")
    posted = body.replace("<h1>Council approves bridge</h1>", "<h1>Council approves bridge</h1><p>Published on 5 March 2024</p>")
    assert clean_html(page(posted)).published.startswith("2024-03-05")


def test_a_link_to_the_authors_page_spelling_the_name_gives_the_author():
    def body(name, href):
        return (f"<article><h1>Council approves bridge</h1><div class='meta'><a class='author-name' href='{href}'>"
                f"{name}</a></div>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    assert clean_html(page(body("Jörg Maaß", "https://example.org/author/joerg-maass/"))).authors == ["Jörg Maaß"]
    assert clean_html(page(body("Matthias", "/autor/matthias"))).authors == ["Matthias"]
    # the link's words are not the name the address spells: a label, not a byline
    assert clean_html(page(body("All posts", "/author/jane-doe/"))).authors == []
    # the site's list of writers in its footer is no byline
    writers = "".join(f"<li><a href='/author/{n.lower().replace(' ', '-')}/'>{n}</a></li>"
                      for n in ("Jane Doe", "John Roe", "Ann Lee", "Max Muster"))
    footer = f"<footer><ul>{writers}</ul></footer>"
    assert clean_html(page(story_html() + footer)).authors == []


def test_placeholders_for_an_author_are_no_names():
    for value in ("No Author", "wordpressadmin", "Auteur", "admin"):
        assert clean_html(page(story_html(), f"<meta name='author' content='{value}'>")).authors == []
    assert clean_html(page(story_html(), "<meta name='author' content='Jane Doe'>")).authors == ["Jane Doe"]


def test_a_declared_date_either_way_round_reads_as_the_printed_one():
    # "11/01/2024" is 1 November where the page prints 01.11.2024
    body = ("<article><h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "<p>Erstellt am: 01.11.2024</p></article>")
    assert clean_html(page(body, "<meta name='date' content='11/01/2024 12:43:42'>")).published.startswith("2024-11-01")
    # a date that can be read one way only stays the declared one
    assert clean_html(page(body, "<meta name='date' content='11/21/2024'>")).published.startswith("2024-11-21")


def test_headline_beside_a_kicker_or_site_name_gives_the_declared_title():
    og = "<meta property='og:title' content='Council approves bridge'>"
    for h1 in ("Vote in Millbrook : Council approves bridge", "Council approves bridge | Millbrook Daily"):
        html = page(story_html().replace("<h1>Council approves bridge</h1>", f"<h1>{h1}</h1>"), og)
        assert clean_html(html).title == "Council approves bridge"


def test_main_declared_title_and_the_texts_title_outvote_the_headline():
    head = ("<meta property='og:title' content='Millbrook votes for its first new bridge in fifty years'>"
            "<meta name='twitter:title' content='Council approves bridge'>")
    html = page(story_html(), head).replace("Council approves bridge | Millbrook News",
                                            "Millbrook votes for its first new bridge in fifty years | Millbrook News")
    assert clean_html(html).title == "Millbrook votes for its first new bridge in fifty years"
    # the headline stays when only a secondary declared title differs from it
    head = head.replace("twitter:title", "og:title").replace("property='og:title'", "name='twitter:title'")
    assert clean_html(page(story_html(), head)).title == "Council approves bridge"


def test_a_lone_heading_far_above_the_story_is_the_sites_name():
    menu = "".join(f"<li><a href='/{w}'>{w.title()}</a></li>" for w in ("news", "sport", "weather", "events"))
    body = (f"<div class='top'><h1>Millbrook Daily</h1><ul>{menu}</ul><p>Your town, every day.</p></div>"
            "<div class='post'><h2>Council approves bridge</h2>" + "".join(f"<p>{p}</p>" for p in STORY) + "</div>")
    assert clean_html(page(body)).title == "Council approves bridge"


def dated_page(declared: str, printed: str) -> str:
    body = (f"<article><h1>Council approves bridge</h1><p>By Jane Doe</p><p>{printed}</p>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    return page(body, f"<meta property='article:published_time' content='{declared}'>")


def test_printed_date_a_few_days_off_the_declared_one_wins():
    # declared in UTC the evening before; readers are shown the local day
    assert clean_html(dated_page("2024-03-04T23:30:00Z", "March 5, 2024")).published.startswith("2024-03-05")
    # declared a week later: a re-publication stamp
    assert clean_html(dated_page("2024-03-12T10:00:00+01:00", "March 5, 2024")).published.startswith("2024-03-05")


def test_declared_date_wins_over_a_distant_or_equal_printed_one():
    # months apart: the printed date is more likely a teaser's or an update's
    assert clean_html(dated_page("2024-03-05T09:30:00+01:00", "June 20, 2024")).published == "2024-03-05T09:30:00+01:00"
    assert clean_html(dated_page("2024-03-05T09:30:00+01:00", "March 5, 2024")).published == "2024-03-05T09:30:00+01:00"


def test_an_earlier_printed_date_in_the_page_s_first_time_element_outranks_a_later_declared_one():
    # The declared date is a relaunch's re-stamp; the header's <time> agrees with the printed date.
    timed = dated_page("2024-11-17T10:33:13Z", "<time datetime='2024-03-05'>05.03.2024</time>")
    assert clean_html(timed).published.startswith("2024-03-05")
    # Printed only, or a later <time>: the declared date stands.
    assert clean_html(dated_page("2024-11-17T10:33:13Z", "05.03.2024")).published.startswith("2024-11-17")
    later = dated_page("2024-03-05T09:30:00+01:00", "<time datetime='2024-11-17'>17.11.2024</time>")
    assert clean_html(later).published.startswith("2024-03-05")


def test_a_name_closing_the_story_s_element_under_a_book_s_details_signs_the_review():
    review = "".join(f"<p>{p}</p>" for p in STORY)
    body = ("<main><h1>Book of the week: The Bridge</h1>" + review +
            "<p><strong>Anna Example</strong><br>The Bridge</p><p>Millbrook Press, 316 pages</p>"
            "<p><strong>Jana Beispiel</strong></p></main>"
            "<footer><ul><li><a href='/abo'>Subscribe</a></li><li><a href='/about'>About us</a></li></ul></footer>")
    assert clean_html(page(body)).authors == ["Jana Beispiel"]
    # Not the container's last block: a name over more of the page's content is no sign-off.
    more = body.replace("</main>", "<p>Next week: a novel about a ferry.</p></main>")
    assert clean_html(page(more)).authors == []


def test_a_heading_beside_a_date_is_no_byline():
    def body(tag: str) -> str:
        return (f"<article><h1>Council approves bridge</h1><{tag}>Harbour Festival Returns</{tag}><p>March 5, 2024</p>"
                + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    assert clean_html(page(body("h2"))).authors == []
    assert clean_html(page(body("p").replace("Harbour Festival Returns", "Jane Doe"))).authors == ["Jane Doe"]


def test_html_lang_is_a_fallback_only():
    article = clean_html(page(story_html(), lang="fr"))
    assert article.language == "en"  # the text says English; the declaration is wrong


def test_unclosed_tags():
    broken = ("<html><head><title>Council approves bridge</title><body><div><nav><a href='/'>Home</a>"
              "<article><h1>Council approves bridge" + "".join(f"<p>{p}" for p in STORY) + "<div><span>")
    text = clean_html(broken).text
    assert STORY[0] in text and STORY[-1] in text


def test_wrong_charset_declaration():
    html = page(story_html().replace("Millbrook", "Münsterbrück"), "<meta http-equiv='Content-Type' "
                "content='text/html; charset=iso-8859-1'>").encode("utf-8")
    assert "Münsterbrück" in clean_html(html).text


def test_declared_legacy_charset_is_used():
    html = page(story_html().replace("Millbrook", "Münsterbrück")).replace("charset='utf-8'", "charset='iso-8859-1'")
    assert "Münsterbrück" in clean_html(html.encode("iso-8859-1")).text


def test_deeply_nested_markup():
    depth = 3000
    html = page("<div>" * depth + story_html() + "</div>" * depth)
    assert STORY[0] in clean_html(html).text


@pytest.mark.parametrize("junk", [b"", b"<html></html>", b"<<<>>>", b"\x00\x01<p>", "<p>\udcff</p>".encode("utf-8", "surrogatepass")])
def test_junk_does_not_crash(junk):
    article = Cleaner().clean_html(junk)
    assert isinstance(article.text, str)


def test_cli_sniffs_html_and_option_forces_it(tmp_path):
    import subprocess
    import sys

    f = tmp_path / "page.txt"
    f.write_text(page(story_html()))
    out = subprocess.run([sys.executable, "-m", "cleaner", str(f)], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith(STORY[0])
    raw = subprocess.run([sys.executable, "-m", "cleaner", "--input-format", "text", str(f)],
                         capture_output=True, text=True)
    assert "<p>" in raw.stdout or raw.stdout == ""  # as text, the markup is not interpreted



def test_a_long_comment_is_not_the_story_container():
    # The story's paragraphs sit in boxes of their own; one comment, longer than
    # any of them, would win the root on prose alone.
    comment = ("I have lived in Millbrook for forty years and the old bridge was always fine for us, so I do not "
               "see why the council needs to spend this money now, when the schools are falling apart and the "
               "roads on the east side have not been repaired since the floods.")
    sections = "".join(f"<section><div><p>{p}</p></div></section>" for p in STORY)
    html = page(f"<div><h1>Council approves bridge</h1>{sections}</div>"
                f"<div class='comments'><div class='comment-body'><p>{comment}</p></div></div>")
    by_text = {b.text: b.html for b in read_page(html).blocks}
    assert by_text[STORY[0]].in_root or by_text[STORY[1]].in_root
    assert not by_text[comment].in_root



def _more(p: str, n: int) -> str:
    return f"{p[:-1]}, said the member of the council who spoke at meeting number {n} of the year."


def test_tags_the_post_carries_are_not_a_tag_box():
    # WordPress names the tags a post carries in its class ("tag-bridges"); a box
    # of tags is "tag-list". A blog page of several posts, none most of the page.
    posts = "".join(f"<article class='post-{n} post hentry tag-bridges tag-council'><h2>Post {n}</h2>"
                    f"<p>{_more(p, n)}</p><p>{p}</p></article>" for n, p in enumerate(STORY))
    html = page(posts + "<ul class='tag-list'><li><a href='/t/bridges'>bridges</a></li></ul>")
    by_text = {b.text: b.html for b in read_page(html).blocks}
    assert not by_text[STORY[0]].chrome_class
    assert by_text["bridges"].chrome_class


def test_furniture_words_on_a_box_of_paragraphs_say_nothing():
    # A share bar holds buttons, not paragraphs: a wrapper so named around the
    # story's paragraphs is no share bar. A comment box holds paragraphs and stays chrome.
    wrapped = "".join(f"<div class='text-wrapper share-container'><p>{_more(p, n)}</p><p>{p}</p></div>"
                      for n, p in enumerate(STORY))
    html = page(f"<div><h1>Council approves bridge</h1>{wrapped}</div>"
                "<div class='share-bar'><a href='/fb'>Share on Facebook</a></div>"
                "<div class='comments'>" + "".join(f"<p>{t}</p>" for t in TEASERS) + "</div>")
    by_text = {b.text: b.html for b in read_page(html).blocks}
    assert not by_text[STORY[0]].chrome_class
    assert by_text["Share on Facebook"].chrome_class
    assert by_text[TEASERS[0]].chrome_class


@pytest.mark.parametrize("body, line", [
    ("<div><span>By</span><span><a href='/jo'>Jo Doe</a></span></div>", "By Jo Doe"),  # side by side: apart
    ("<div><a href='/a'>Home</a><a href='/b'>News</a><a href='/c'>Sport</a></div>", "Home News Sport"),
    ("<div><span>May 2021</span><a href='/p'><i class='icon'></i>PDF</a></div>", "May 2021 PDF"),  # an empty <i> is an icon
    ("<p><b>W</b>ord and the 21<sup>st</sup> <em>cent</em><em>ury</em></p>", "Word and the 21st century"),
    ("<h2><span>U</span><span>n terrain</span></h2>", "Un terrain"),  # a drop cap
    ("<p>the <span>Ch</span><span>â</span><span>teau</span></p>", "the Château"),  # runs of spans in one word
    ("<p><span>Carbs: </span><span>31</span><span>g</span></p>", "Carbs: 31g"),
    ("<p>今回はアプリ<a href='/k'>Kindle for PC</a>に関する話</p>", "今回はアプリ Kindle for PC に関する話"),
    ("<p><span>一波波</span>接續性<b>低溫</b>寒流</p>", "一波波 接續性低溫寒流"),  # no spaces between words in this script
    ("<pre><span>foo</span><span>Bar</span></pre>", "fooBar"),
    ("<p>As <a href='/x'>Jo Doe</a>reports</p>", "As Jo Doereports"),  # text next to an element: as rendered
])
def test_inline_elements_side_by_side_are_spaced_like_a_browser_lays_them_out(body, line):
    assert html_to_text(page(body)).splitlines()[-1] == line


def test_a_long_paragraph_ending_in_an_address_still_marks_the_story_container():
    story = (" ".join(STORY[:2]) + " Details and the full programme of the week are published by the organisers "
             "at http://example.org/programme")
    signup = ("<div class='box'><p>I agree that the association may send me news about its work by email, "
              "and I can withdraw this at any time.</p><p>I agree to the processing of my data as the privacy "
              "policy describes it, and I will get a mail to confirm.</p></div>")
    blocks = read_page(page(f"<div><div><h1>Council approves bridge</h1><p>{story}</p></div></div>"
                            f"<div><div>{signup}</div></div>")).blocks
    by_text = {b.text: b.html for b in blocks}
    assert by_text[story].in_root
    assert not any(info.in_root for text, info in by_text.items() if text.startswith("I agree"))


def test_an_h1_opening_the_story_is_its_headline_though_a_byline_follows():
    body = ("<div class='promo'><h3>Welcome to our network experience today</h3><a href='/more'>Learn More</a></div>"
            "<article><h1>Two officers charged over the records of the bridge vote</h1>"
            "<div>Kevin Johnson and Kevin McCoy</div>" + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    article, decisions = Cleaner().clean_html_and_explain(page(body))
    assert [d.text for d in decisions if d.rule == "story.headline"] == [
        "Two officers charged over the records of the bridge vote"]
    assert "Two officers charged" not in article.text and all(p in article.text for p in STORY)


def test_a_title_repeat_that_is_no_heading_gives_way_to_the_heading_just_below():
    body = ("<div><ul><li><a href='/'>Home</a></li><li><a href='/b'>Council approves bridge</a></li></ul></div>"
            "<div><span>March 5, 2024</span></div><article><h1>Council approves bridge</h1>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    _, decisions = Cleaner().clean_html_and_explain(page(body))
    headline = [d for d in decisions if d.rule == "story.headline"]
    assert len(headline) == 1 and read_page(page(body)).blocks[headline[0].index].html.heading == 1


def test_camel_case_class_names_speak_for_chrome_and_metadata_not_for_story():
    body = ("<div class='mainNav'><a href='/'>Home</a> <a href='/n'>News</a></div>"
            + story_html().replace("</h1>", "</h1><div class='imageEmbedCaption'>The old bridge at dusk</div>")
            + f"<div class='teaserContentWrap'><p>{TEASERS[0]}</p></div>")
    by_text = {b.text: b.html for b in read_page(page(body)).blocks}
    assert by_text["Home News"].chrome_class
    assert by_text["The old bridge at dusk"].meta_class
    assert not by_text[TEASERS[0]].story_class  # "Content" tails many names
    assert not by_text[STORY[0]].chrome_class


def test_text_placed_off_the_screen_is_hidden():
    spam = "".join(f"<div style='position:absolute; top:0; left:-9999px;'><a href='/s{i}'>Download free themes</a></div>"
                   for i in range(4))
    text = html_to_text(page(story_html() .replace("</article>", spam + "</article>")))
    assert "Download free themes" not in text and STORY[-1] in text
    kept = html_to_text(page("<div style='margin-left: -12px'><p>" + STORY[0] + "</p></div>"))
    assert STORY[0] in kept  # a small negative margin is layout, not hiding


def test_a_ticker_of_excerpts_does_not_outweigh_the_story_box():
    # Each list item, a linked headline and the start of its story, reads as prose;
    # six of them weigh more than the story's four paragraphs unless list prose counts less.
    ticker = "".join(f"<li><a href='/n/{i}'>Other story number {i} in the news today</a> {t[:-1]} and more of "
                     f"that story from the town...</li>" for i, t in enumerate(TEASERS * 3))
    html = page(f"<div class='ticker'><ul>{ticker}</ul></div>"
                f"<div><h1>Council approves bridge</h1><div>{''.join(f'<p>{p}</p>' for p in STORY)}</div></div>")
    by_text = {b.text: b.html for b in read_page(html).blocks}
    assert by_text[STORY[0]].in_root
    assert not any(info.in_root for text, info in by_text.items() if text.startswith("Other story"))


def test_a_caption_printed_twice_is_a_gallerys_not_the_storys():
    slide = "The new bridge as the architects drew it, seen from the east bank of the river at dusk"
    gallery = (f"<ul class='slides'><li><img src='/a.jpg'><div class='caption'>{slide}</div></li></ul>"
               f"<div class='lightbox'><img src='/a.jpg'><p class='caption'>{slide}</p></div>")
    body = ("<article><h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY[:2]) + gallery
            + "".join(f"<p>{p}</p>" for p in STORY[2:]) + "</article>")
    article, decisions = Cleaner().clean_html_and_explain(page(body))
    assert slide not in article.text and STORY[3] in article.text
    assert "story.gallery" in {d.rule for d in decisions}


def test_linked_headlines_closing_the_story_box_are_teasers():
    links = ("<p><a href='/a'>Mayor opens the new library on the market square</a></p>"
             "<p><a href='/b'>School board approves the budget for next year</a></p>")
    body = ("<article><h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "<p><a href='/report'>Read what every member of the council said</a> today.</p>"
            + links + "<p>Watch: <a href='/c'>Firefighters rescue a cat from the old bridge</a></p></article>")
    article, decisions = Cleaner().clean_html_and_explain(page(body))
    assert "Mayor opens" not in article.text and "School board" not in article.text
    assert STORY[-1] in article.text
    assert [d.rule for d in decisions if d.text.startswith(("Mayor", "School", "Watch"))] == ["story.links"] * 3
    assert "Read what every member" in article.text  # a sentence, not all of it a link: the story's own


def test_a_byline_without_keyword_above_the_first_paragraph_leaves_the_story():
    body = ("<article><h1>Council approves bridge</h1>"
            "<div class='byline'><span>Jane Doe and John Roe</span> <span>Millbrook Herald</span></div>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "</article>")
    article, decisions = Cleaner().clean_html_and_explain(page(body))
    assert "Jane Doe" not in article.text and article.text.startswith(STORY[0])
    assert [d.rule for d in decisions if d.text.startswith("Jane Doe")] == ["story.credit"]


def test_the_card_a_link_opens_on_hover_is_not_text_but_the_link_is():
    card = ("<span class='rollover-people'><a href='/p/jane-doe'>Jane Doe</a><span class='rollover-people-block'>"
            "<img src='/jd.jpg'><a href='/p/jane-doe'>Jane Doe</a><a href='/s/1'>Mayor opens the new library</a>"
            + "".join(f"<a href='/s/{i}'>{t}</a>" for i, t in enumerate(TEASERS * 3))  # longer than a hidden note
            + "</span></span>")
    text = html_to_text(page(f"<article><p>The motion by {card} passed by seven votes to two.</p></article>"))
    assert "The motion by Jane Doe passed by seven votes to two." in text
    assert "Mayor opens" not in text


def test_a_paragraph_between_two_advertisements_stays_in_the_story():
    # The run cost leaves out a paragraph of weak story score boxed in by two
    # advertisements; on a page, a positive score is evidence enough to keep it.
    from cleaner.html import HtmlInfo
    from cleaner.score import Evidence
    from cleaner.segment import Block
    from cleaner.select import _fill_weak_gaps

    ad = next(r for r in Cleaner().ruleset.rules if r.id == "legal.advertisement")
    info = HtmlInfo(frozenset({"article"}), 0, True, False, False, True, 0.0, (1, 2, 3))
    texts = [STORY[0], "Advertisement", STORY[1], "Advertisement", STORY[2]]
    evidence = []
    for i, (text, score) in enumerate(zip(texts, (3.0, -4.0, 0.4, -4.0, 3.0))):
        ev = Evidence(block=Block(i, text, i, i + 1, info), words=len(text.split()), tokens=text.lower().split(),
                      text=text, stop=0.4, punct_end=text.endswith("."), stops=frozenset())
        ev.score = score
        ev.chrome = ad if text == "Advertisement" else None
        evidence.append(ev)
    assert _fill_weak_gaps(evidence, [(0, 0), (4, 4)]) == [(0, 0), (2, 2), (4, 4)]
    for ev in evidence:
        ev.block.html = None  # in a text, such a gap is as often a teaser between two ads
    assert _fill_weak_gaps(evidence, [(0, 0), (4, 4)]) == [(0, 0), (4, 4)]


def test_a_linked_headline_set_between_two_paragraphs_is_a_teaser_but_a_linked_subheading_stays():
    body = ("<article><h1>Council approves bridge</h1>" + f"<p>{STORY[0]}</p>"
            + "<p><strong><a href='/x'>MAYOR OPENS THE NEW LIBRARY ON THE MARKET SQUARE</a></strong></p>"
            + f"<p>{STORY[1]}</p><h2><a href='#cost'>What the new bridge will cost the town</a></h2>"
            + "".join(f"<p>{p}</p>" for p in STORY[2:]) + "</article>")
    article, decisions = Cleaner().clean_html_and_explain(page(body))
    assert "MAYOR OPENS" not in article.text
    assert "What the new bridge will cost the town" in article.text
    assert all(p in article.text for p in STORY)
    assert [d.rule for d in decisions if d.text.startswith("MAYOR")] == ["story.links"]


def test_a_caption_goes_with_the_photo_credit_under_it():
    caption = "The mayor and members of the council at the old bridge on Tuesday morning, before the vote"
    body = ("<article><h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY[:2])
            + f"<div class='image-caption'>{caption}</div><div class='image-credit'>Jane Doe | Getty Images</div>"
            + "".join(f"<p>{p}</p>" for p in STORY[2:]) + "</article>")
    article, decisions = Cleaner().clean_html_and_explain(page(body))
    assert caption not in article.text and all(p in article.text for p in STORY)
    assert [d.rule for d in decisions if d.text == caption] == ["story.caption"]


def test_class_words_of_the_tables_hold_no_space():
    # _class_flags reads an attribute word by word: a table word with a space could never match.
    import tomllib
    from importlib import resources

    tables = tomllib.loads((resources.files("cleaner") / "data" / "html.toml").read_text(encoding="utf-8"))
    words = [w for key in ("chrome_words", "chrome_exact", "furniture_words", "meta_words", "story_words",
                           "tag_roles", "hidden_words", "hover_words", "hover_parts") for w in tables[key]]
    assert words and not [w for w in words if len(w.split()) != 1]


def test_class_flags_read_the_whole_attribute_word_by_word():
    from cleaner.html import _class_flags

    assert _class_flags("share-tools x-81723") == ("furniture",)
    assert _class_flags("share-tools sidebar-x") == ("chrome",)  # not all of its chrome words name furniture
    assert _class_flags("dateline entry-content") == ("meta", "story")
    assert _class_flags("pageFooter Kicker") == ("chrome", "meta")  # a capital anywhere splits camelCase words
    assert _class_flags("pagefooter kicker") == ("meta",)


def test_a_story_of_div_paragraphs_weighs_its_group_as_a_long_one_not_more():
    # Paragraphs set in <div>s make one group of the whole story; past a long
    # menu's size its length says nothing more about it.
    from cleaner import score as S
    from cleaner.segment import segment
    from cleaner.text import stopwords

    c = Cleaner(detect_language=False)
    at = S.LOCAL.index("group_size")
    sizes = []
    for n in (30, 200):
        divs = "".join(f"<div>He walked to the station number {k} and waited there for the train.</div>"
                       for k in range(n))
        blocks = read_page(f"<html><body><article>{divs}</article></body></html>").blocks
        evidence = [S._local(b, c.ruleset, stopwords("en")) for b in blocks]
        S._local_features(evidence, None, c.html_weights.local, keep=True)
        sizes.append(evidence[-1].local_features[at])
    assert sizes[0] == sizes[1]
    # In scraped text a long group is a list or a table, and its length is kept.
    text = "Results\n\n" + "\n".join(f"Runner {k}" + " finished" * (k % 4) for k in range(200)) + "\n"
    evidence = [S._local(b, c.ruleset, stopwords("en")) for b in segment(text)]
    S._local_features(evidence, None, c.weights.local, keep=True)
    assert evidence[-1].local_features[at] > sizes[1]
