"""Metadata read from scraped text: bylines, dates, titles, sources, datelines, language.

Inputs are made up here, in the shapes pages print, in several languages.
"""

import pytest

from cleaner import clean
from cleaner.metadata.authors import bare_names, byline_names, read_names
from cleaner.metadata.dates import find_dates, parse_date
from cleaner.metadata.language import detect
from cleaner.metadata.title import split_site

# A story body long enough for the engine to see prose.
BODY_EN = (
    "The city council voted on Tuesday to build a new bridge over the river, ending a debate that "
    "has divided the town for more than ten years and split families along the water.\n\n"
    "Supporters said the bridge would cut the drive to the hospital by twenty minutes, while "
    "critics warned that the cost would rise well beyond the budget the council had set aside.\n\n"
    "The mayor said work could start next spring if the state approves the plans in time, and "
    "that the old ferry would keep running until the bridge was open to traffic.\n"
)
BODY_DE = (
    "Der Stadtrat hat am Dienstag beschlossen, eine neue Brücke über den Fluss zu bauen, und damit "
    "einen Streit beendet, der die Stadt seit mehr als zehn Jahren gespalten hat.\n\n"
    "Die Befürworter sagen, dass die Fahrt zum Krankenhaus um zwanzig Minuten kürzer werde, während "
    "die Kritiker warnen, dass die Kosten weit über das geplante Budget steigen würden.\n\n"
    "Der Bürgermeister sagte, die Arbeiten könnten im nächsten Frühjahr beginnen, wenn das Land die "
    "Pläne rechtzeitig genehmige, und die alte Fähre fahre bis dahin weiter.\n"
)


def page(title_line: str, headline: str, meta_lines: list[str], body: str = BODY_EN, tail: str = "") -> str:
    nav = "Home\nNews\nSport\nWeather\n\n"
    return f"{title_line}\n\n{nav}{headline}\n\n" + "\n".join(meta_lines) + "\n\n" + body + tail


# --- bylines, one shape at a time -------------------------------------------------

@pytest.mark.parametrize("line, names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("BY JANE DOE", ["JANE DOE"]),
    ("Written by Mary Smith | May 3, 2021", ["Mary Smith"]),
    ("Posted by Nathan Parker, Varun Khaneja and Eric Mill - Security team", ["Nathan Parker", "Varun Khaneja", "Eric Mill"]),
    ("Von Max Muster", ["Max Muster"]),
    ("Von Anna Beispiel und Karl Probe", ["Anna Beispiel", "Karl Probe"]),
    ("von Lena Vogel, Online-Redaktion Veröffentlicht: 26.12.2022", ["Lena Vogel"]),
    ("Autor: Jan Nowak", ["Jan Nowak"]),
    ("Text: Klaus Peter Friedrichs", ["Klaus Peter Friedrichs"]),
    ("Par Jean Dupont", ["Jean Dupont"]),
    ("Par Marie Leclerc et Paul Martin le 14.09.2020 à 11h46", ["Marie Leclerc", "Paul Martin"]),
    ("Por Alberto Ávila 27 de agosto 2019", ["Alberto Ávila"]),
    ("Publicado por Lucía Fernández", ["Lucía Fernández"]),
    ("Di Marco Rossi e Giulia Bianchi", ["Marco Rossi", "Giulia Bianchi"]),
    ("Veröffentlicht am 12. Juni 2017 von gizzmo", ["gizzmo"]),
    ("By Grant Tinsley, PhD on April 29, 2018", ["Grant Tinsley"]),
    ("by Ana Garcia @anagarcia February 1, 2016: 12:41 PM ET", ["Ana Garcia"]),
    ("By Verónica de la Vega", ["Verónica de la Vega"]),
])
def test_byline_shapes(line, names):
    found = byline_names(line, "en")
    assert found is not None and found[0] == names


@pytest.mark.parametrize("line, names, agency", [
    ("Par Jean Dupont, AFP", ["Jean Dupont"], "AFP"),
    ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
    ("Von Max Muster, dpa", ["Max Muster"], "dpa"),
])
def test_byline_with_agency(line, names, agency):
    assert byline_names(line, "en") == (names, agency)


@pytest.mark.parametrize("line", [
    "By the end of the day, the market had recovered.",
    "by the way",
    "Von der Leyen will die Ukraine in die EU holen",
    "Par ailleurs, le gouvernement a annoncé un plan.",
    "Photo by Jane Doe",
    # what content systems print where no person is named
    "Posted by wordpressadmin on 12 May 2020",
    "Auteur : Auteur(s) :",
    "Author: No Author",
])
def test_not_bylines(line):
    found = byline_names(line, "en")
    assert found is None or found[0] == []


@pytest.mark.parametrize("line, names", [
    ("Jane Doe, Reuters", ["Jane Doe"]),
    ("Tanja Karrasch 3.11.2023", ["Tanja Karrasch"]),
    ("Marie Merlet | lundi 9 décembre 2019 à 09h08", ["Marie Merlet"]),
    ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ["Uta Helkenberg"]),
    ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", ["Dan Goodin"]),
    ("Alex Perry 1 day ago", ["Alex Perry"]),
    ("Juan Carlos Muñoz C.", ["Juan Carlos Muñoz C."]),
])
def test_lines_of_names(line, names):
    assert bare_names(line, "de")[0] == names


@pytest.mark.parametrize("text, names", [
    # A German role after the comma: its article is no particle of a name.
    ("Anna Schmidt, Leiterin der Abteilung Verkehr", ["Anna Schmidt"]),
    ("Ursula von der Leyen, Jan van den Berg", ["Ursula von der Leyen", "Jan van den Berg"]),
])
def test_names_and_particles(text, names):
    assert read_names(text, "de", after_prefix=False)[0] == names


@pytest.mark.parametrize("line", ["Alle Artikel", "Share Tweet Share", "Hotel bosses spill the beans", "Games Editor",
                                  "Earnings Report", "Key Points"])
def test_lines_that_are_not_names(line):
    assert bare_names(line, "en")[0] == []


# --- dates ------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, iso", [
    ("May 24, 2023", "en", "2023-05-24"),
    ("24 May 2023", "en", "2023-05-24"),
    ("2023-05-24", "en", "2023-05-24"),
    ("24.05.2023", "de", "2023-05-24"),
    ("24. Mai 2023", "de", "2023-05-24"),
    ("24 mai 2023", "fr", "2023-05-24"),
    ("24 de mayo de 2023", "es", "2023-05-24"),
    ("24 maggio 2023", "it", "2023-05-24"),
    ("24 maja 2023", "pl", "2023-05-24"),
    ("05/24/2023", "en", "2023-05-24"),
    ("24/05/2023", "fr", "2023-05-24"),
    ("Published Wednesday, May 24, 2023 4:57PM EDT", "en", "2023-05-24T16:57:00-04:00"),
    ("Mi, 24. Mai 2023 um 12:50 Uhr", "de", "2023-05-24T12:50:00"),
    ("lundi 24 mai 2023 à 09h08", "fr", "2023-05-24T09:08:00"),
    ("Nov 7, 2023, 8:54 AM GMT+1", "en", "2023-11-07T08:54:00+01:00"),
    ("2023-05-24T16:57:00-04:00", "en", "2023-05-24T16:57:00-04:00"),
])
def test_date_shapes(text, lang, iso):
    assert parse_date(text, lang) == iso


@pytest.mark.parametrize("text, iso", [
    ("May 24, 2023 4:57 p.m. ET", "2023-05-24T16:57:00-04:00"),  # daylight saving
    ("Jan. 5, 2023 9:15 a.m. PT", "2023-01-05T09:15:00-08:00"),  # standard time
    ("March 1, 2024 10:00 MT", "2024-03-01T10:00:00-07:00"),
    ("July 4, 2024, 8:30 AM CT", "2024-07-04T08:30:00-05:00"),
])
def test_us_zones_take_the_offset_of_their_date(text, iso):
    assert parse_date(text, "en") == iso


def test_a_word_ending_the_line_is_no_seasonal_zone():
    assert parse_date("lundi 24 mai 2023 à 10h30 et\n", "fr") == "2023-05-24T10:30:00"


def test_two_digit_years_only_in_loose_mode():
    assert find_dates("version 1.12.10 is out", "en") == []
    assert [h.iso for h in find_dates("02.01.23 09:51", "de", loose=True)] == ["2023-01-02T09:51:00"]


def test_first_publication_beats_update():
    text = page(
        "Council approves new bridge | Town Times",
        "Council approves new bridge over the river",
        ["By Jane Doe", "Updated May 26, 2023 10:00 AM", "Published May 24, 2023 4:57 PM EDT"],
    )
    assert clean(text).published == "2023-05-24T16:57:00-04:00"


def test_update_alone_is_taken_when_nothing_else_is_dated():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                ["Aktualisiert am 26.05.2023"], body=BODY_DE)
    assert clean(text).published == "2023-05-26"


def test_teaser_date_after_the_story_is_not_the_date():
    tail = ("\n\nMore from Town Times\n\nSchool board elects new chair\n\n"
            "The school board on Monday elected a new chair after months of argument. June 2, 2023\n")
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                ["By Jane Doe", "May 24, 2023"], tail=tail)
    assert clean(text).published == "2023-05-24"


def test_relative_dates_are_ignored():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                ["Jane Doe", "2 hours ago"])
    article = clean(text)
    assert article.published is None
    assert article.authors == ["Jane Doe"]


# --- whole pages: bylines and dates leave the story ------------------------------

@pytest.mark.parametrize("lines, body, names, day", [
    (["By Jane Doe and John Roe", "May 24, 2023"], BODY_EN, ["Jane Doe", "John Roe"], "2023-05-24"),
    (["By", "Jane Doe", "and", "John Roe", "Published May 24, 2023"], BODY_EN, ["Jane Doe", "John Roe"], "2023-05-24"),
    (["Von Max Muster", "24.05.2023, 15:59 Uhr"], BODY_DE, ["Max Muster"], "2023-05-24"),
    (["Max Muster | 24. Mai 2023"], BODY_DE, ["Max Muster"], "2023-05-24"),
    (["Autor: Anna Beispiel", "Veröffentlicht am 24. Mai 2023"], BODY_DE, ["Anna Beispiel"], "2023-05-24"),
])
def test_byline_and_date_lines_leave_the_story(lines, body, names, day):
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river", lines, body)
    article = clean(text)
    assert article.authors == names
    assert article.published.startswith(day)
    for line in lines:
        assert line not in article.text.splitlines()
    assert article.text.splitlines()[0] == body.splitlines()[0]


@pytest.mark.parametrize("label", ["Letzte Aktualisierung", "Letzte Änderung"])
def test_a_date_label_on_its_own_line_is_no_name(label):
    assert bare_names(label, "de", lenient=True)[0] == []
    text = page("Stadtrat beschließt Brücke | Stadtzeitung", "Stadtrat beschließt neue Brücke über den Fluss",
                ["Max Muster", "24.05.2023", label, "25.05.2023"], BODY_DE)
    assert clean(text).authors == ["Max Muster"]


def test_credit_line_at_the_end_stays_and_gives_the_author():
    body = BODY_DE + "\nText: Klaus Peter Friedrichs\n"
    text = page("Neue Brücke beschlossen | Stadtblatt", "Stadtrat beschließt neue Brücke über den Fluss", ["24.05.2023"], body)
    article = clean(text)
    assert article.authors == ["Klaus Peter Friedrichs"]


def test_agency_dateline_gives_source_and_dateline():
    body = "OTTAWA (Reuters) - " + BODY_EN
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river", ["May 24, 2023"], body)
    article = clean(text)
    assert article.source == "Reuters"
    assert article.dateline == "OTTAWA (Reuters)"
    assert article.text.startswith("OTTAWA (Reuters) - The city council")


def test_city_dateline():
    body = "WINNIPEG — " + BODY_EN
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river", ["May 24, 2023"], body)
    assert clean(text).dateline == "WINNIPEG"


def test_agency_next_to_the_byline_is_the_source():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                ["By Jane Doe, The Canadian Press", "May 24, 2023"])
    article = clean(text)
    assert article.authors == ["Jane Doe"]
    assert article.source == "The Canadian Press"


def test_site_name_is_the_source_without_an_agency():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river", ["By Jane Doe"])
    assert clean(text).source == "Town Times"


# --- titles -----------------------------------------------------------------------

@pytest.mark.parametrize("line, headline, site", [
    ("Headline of the day | VentureBeat", "Headline of the day", "VentureBeat"),
    ("Markets fall on rate fears - WSJ", "Markets fall on rate fears", "WSJ"),
    ("Wurmkiste bauen | selbst.de", "Wurmkiste bauen", "selbst.de"),
    ("A headline without a site", "A headline without a site", None),
])
def test_title_line_site_suffix(line, headline, site):
    assert split_site(line) == (headline, site)


def test_title_is_the_headline_the_title_line_confirms():
    text = page("Council approves new bridge over the river | Town Times", "Council approves new bridge over the river", ["By Jane Doe"])
    assert clean(text).title == "Council approves new bridge over the river"


def test_title_line_alone_loses_its_site_name():
    text = "Council approves new bridge over the river - Town Times\n\n" + BODY_EN
    assert clean(text).title == "Council approves new bridge over the river"


def test_site_name_printed_as_logo_is_cut_even_first():
    text = ("Town Times | Council approves new bridge over the river\n\nTown Times\n\nHome\nNews\n\n"
            "Council approves new bridge over the river\n\nBy Jane Doe\n\n" + BODY_EN)
    article = clean(text)
    assert article.title == "Council approves new bridge over the river"
    assert article.source == "Town Times"


# --- language -----------------------------------------------------------------------

@pytest.mark.parametrize("body, lang", [(BODY_EN, "en"), (BODY_DE, "de")])
def test_language_of_the_story(body, lang):
    assert detect(body, None, use_model=False) == lang
    assert clean(page("Bridge | Times", "Council approves new bridge over the river", ["May 24, 2023"], body)).language == lang


def test_language_falls_back_to_the_model_for_close_neighbours():
    # Danish and Norwegian share most stop words: the count alone is not trusted.
    danish = ("Byrådet besluttede tirsdag at bygge en ny bro over floden, og dermed sluttede en strid, "
              "som har delt byen i mere end ti år. Tilhængerne siger, at turen til hospitalet bliver "
              "tyve minutter kortere, mens kritikerne advarer om, at prisen vil stige langt over budgettet.")
    assert detect(danish, None) == "da"


# --- shapes added for issue 4: titles -------------------------------------------------

BODY_FR = (
    "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, mettant fin "
    "à un débat qui divise la ville depuis plus de dix ans et qui a séparé des familles entières.\n\n"
    "Les partisans affirment que le pont réduira de vingt minutes le trajet vers l'hôpital, tandis que "
    "les opposants craignent que le coût ne dépasse largement le budget prévu par la commune.\n\n"
    "Le maire a déclaré que les travaux pourraient commencer au printemps prochain si l'État approuve "
    "les plans à temps, et que l'ancien bac continuera de fonctionner jusque-là.\n"
)


def test_title_part_printed_nearest_the_story_beats_one_printed_first_in_the_menu():
    # "Über uns" is a menu item before the logo, and the headline right over the story.
    text = ("Über uns – Lachgas | Kabarett\n\nStart\n\nÜber uns\n\nTermine\n\nPresse\n\n"
            "Lachgas | Kabarett\n\nÜber uns\n\n" + BODY_DE)
    assert clean(text).title == "Über uns"


def test_site_name_before_a_colon_when_the_page_prints_it_as_a_logo():
    text = ("Town Times: Council approves new bridge over the river\n\nTown Times\n\nHome\nNews\n\n"
            "Council approves new bridge over the river\n\nBy Jane Doe\n\n" + BODY_EN)
    assert clean(text).title == "Council approves new bridge over the river"


def test_colon_in_a_headline_is_not_a_site_name():
    text = "Brücke: Der Stadtrat hat entschieden\n\n" + BODY_DE
    assert clean(text).title == "Brücke: Der Stadtrat hat entschieden"


def test_headline_over_the_byline_beats_a_search_engine_title_line():
    text = ("Brücke: Stadt plant den Neubau | Stadtanzeiger\n\nStadtanzeiger\n\nStartseite\nPolitik\n\n"
            "Stadtrat beschließt eine neue Brücke für die Stadt\n\nVon Max Muster\n\n" + BODY_DE)
    assert clean(text).title == "Stadtrat beschließt eine neue Brücke für die Stadt"


def test_a_page_kind_label_in_the_title_line_is_not_the_headline():
    text = ("Blog | Le Journal du Pont\n\nLe Journal du Pont\n\nAccueil\n\nBlog\n\n"
            "Le pont sera construit\n\nPar Marie Leclerc\n\n" + BODY_FR)
    article = clean(text)
    assert article.title == "Le pont sera construit"
    assert article.authors == ["Marie Leclerc"]


# --- shapes added for issue 4: authors ------------------------------------------------

@pytest.mark.parametrize("lines, body, names", [
    (["Jane Doe", "1:39 PM ET"], BODY_EN, ["Jane Doe"]),                      # beside a time of day
    (["Jane Doe", "4 min read"], BODY_EN, ["Jane Doe"]),                      # beside a reading time
    (["Aleš Vávra", "před 2 hodinami"], BODY_EN, ["Aleš Vávra"]),             # beside a relative time
    (["The Town Times 02/10/2020 Jane Doe"], BODY_EN, ["Jane Doe"]),          # a site's name on the line
    (["17. Februar 2020 Anna Beispiel 4 Kommentare"], BODY_DE, ["Anna Beispiel"]),  # a comment count
    (["14 mai 2019 à 06h00", "Marie Leclerc"], BODY_FR, ["Marie Leclerc"]),
])
def test_lines_of_names_beside_times_counts_and_sites(lines, body, names):
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river", lines, body)
    assert clean(text).authors == names


def test_signature_under_the_story():
    note = ("(1) Ces chiffres sont collectés par l'OCDE et publiés chaque année dans les Perspectives de "
            "l'emploi, avec les séries longues de chaque pays membre.")
    text = page("Le pont | Le Journal", "Le conseil vote la construction du pont", [], BODY_FR,
                tail="\n\nDenise Exemple\n\n" + note + "\n")
    assert clean(text).authors == ["Denise Exemple"]


def test_heading_over_a_list_after_the_story_is_not_a_signature():
    text = page("Brücke | Stadtanzeiger", "Der Stadtrat beschließt die neue Brücke", [], BODY_DE,
                tail="\n\nWeiterführende Links\n\nDossier Brücke\n\nMehr zum Thema\n")
    assert clean(text).authors == []


@pytest.mark.parametrize("footer, names", [
    ("© 2009-2012 Jonathan Beispiel. Impressum & Datenschutz", ["Jonathan Beispiel"]),
    ("Copyright (c) 2012- Gregory Example. All rights reserved.", ["Gregory Example"]),
    ("2006-2008 by Martin Muster", ["Martin Muster"]),
    ("© 2023 Stadtanzeiger Media GmbH", []),
    ("© Foto: Max Muster", []),
    ("© Deutsches Handwerker Forum, 2022 - Alle Rechte vorbehalten", []),
])
def test_copyright_holder_of_a_personal_site_when_no_byline(footer, names):
    text = page("Brücke | Mein Blog", "Der Stadtrat beschließt die neue Brücke", [], BODY_DE,
                tail="\n\nImpressum\n\n" + footer + "\n")
    assert clean(text).authors == names


def test_byline_word_closing_a_line_takes_the_name_on_the_next():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                [], BODY_EN, tail="\n\nWritten on Feb 24 by\n\nCourtney Example\n\nFreelance writer.\n")
    assert clean(text).authors == ["Courtney Example"]


# --- shapes added for issue 4: dates --------------------------------------------------

def test_day_and_month_order_from_the_page_s_other_dates():
    comments = "\n\nComments\n\nAnna 14/04/2020\n\nLovely bread, thank you!\n\nTom 15/04/2020\n\nMade it twice.\n"
    text = page("Olive bread | Food Blog", "Olive and herb bread", ["12/04/2020 by Kay"], BODY_EN, tail=comments)
    assert clean(text).published == "2020-04-12"
    # Without a telling date, an English page reads month first.
    assert clean(page("Olive bread | Food Blog", "Olive and herb bread", ["12/04/2020 by Kay"], BODY_EN)).published \
        == "2020-12-04"


@pytest.mark.parametrize("line, day", [
    ("Stand 27.01.2022", "2022-01-27"),
    ("Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht.", "2019-11-27"),
])
def test_dated_line_after_the_story_that_says_what_it_dates(line, day):
    text = "Brücke | Stadtanzeiger\n\nDer Stadtrat beschließt die neue Brücke\n\n" + BODY_DE + "\n" + line + "\n"
    assert clean(text).published.startswith(day)


def test_embedded_post_date_is_not_the_publication_date():
    text = ("Council approves new bridge | Town Times\n\nHome\nNews\n\nMay 24, 2023\n\n"
            "Council approves new bridge over the river\n\nBy Jane Doe\n\n"
            "— John Roe (@johnroe) May 2, 2023\n\n" + BODY_EN)
    assert clean(text).published.startswith("2023-05-24")


def test_url_date_fills_in_when_the_page_gives_none():
    from cleaner import clean

    page = ("Bridge approved\n\nThe city council voted to approve a new bridge across the river, ending a "
            "debate that has lasted for almost ten years in the town.\n")
    assert clean(page).published is None
    assert clean(page, url="https://news.example/2023/05/24/bridge-approved").published == "2023-05-24"
    assert clean(page, url="https://news.example/bridge-20230524.html").published == "2023-05-24"
    assert clean(page, url="https://news.example/item/123456789").published is None


# --- bylines and dates: where they stand, what outranks what ----------------------

def test_name_line_under_the_headline_outranks_a_signed_comment_after_the_story():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                ["Anna Keller", "May 24, 2023"], BODY_EN,
                "\nComments\n\nBy Tom Fisher, May 25, 2023 at 10:02\n\nGreat news for the town, at last.\n")
    article = clean(text)
    assert article.authors == ["Anna Keller"]
    assert article.published.startswith("2023-05-24")


def test_date_in_a_photo_credit_line_under_the_headline():
    text = page("Brücke beschlossen | Stadtanzeiger", "Der Stadtrat beschließt die neue Brücke",
                ["Foto: Stadtanzeiger | 06.11.2023 13:30"], BODY_DE)
    assert clean(text).published.startswith("2023-11-06")


def test_date_line_further_above_the_story_when_none_stands_nearer():
    menu = "\n".join(f"Section {w}" for w in "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu".split())
    text = ("Council approves new bridge | Town Times\n\nCouncil approves new bridge over the river\n\n"
            f"{menu}\n\n5/24/23 10:00AM\n\nFiled to: bridges\n\nShare\n\nTweet\n\nEmail\n\nPrint\n\n" + BODY_EN)
    assert clean(text).published.startswith("2023-05-24")


@pytest.mark.parametrize("line, names", [
    ("05.02.2020 - Redaktion: Eva Fuhrmann", ["Eva Fuhrmann"]),
    ("12. März 2021 – Von Max Muster", ["Max Muster"]),
    ("3 mars 2021 - Par Jean Dupont", ["Jean Dupont"]),
    ("3 de marzo de 2021 - Por Ana López", ["Ana López"]),
    ("3 marca 2021 — Autor: Jan Kowalski", ["Jan Kowalski"]),
    ("March 3, 2021 - By Jane Doe", ["Jane Doe"]),
])
def test_byline_after_a_date_and_a_dash(line, names):
    assert byline_names(line, None)[0] == names


def test_two_digit_year_with_the_month_first():
    assert find_dates("5/24/23 10:00AM", "en", loose=True)[0].iso.startswith("2023-05-24")
    assert find_dates("24.05.23", "de", loose=True)[0].iso == "2023-05-24"
    assert find_dates("5/24/23", "en") == []  # running text: two-digit years only on metadata lines


def test_dated_footer_line_with_a_byline_word_a_little_after_the_story():
    share = "\n\n".join(["Share this:", "Twitter", "Facebook", "Tumblr", "Like this:", "Loading …", "Related"])
    text = ("Council approves new bridge | Town Blog\n\nCouncil approves new bridge over the river\n\n" + BODY_EN
            + "\n" + share + "\n\nMay 26, 2023 by Kay in News | Leave a comment\n\nPost navigation\n")
    assert clean(text).authors == ["Kay"]
    # A comment signs the same way; it is not the story's byline.
    comment = text.replace("May 26, 2023 by Kay in News | Leave a comment", "Comment by Lou Smith — May 27, 2023 at 9:15")
    assert clean(comment).authors == []


def test_title_printed_again_below_with_its_subtitle():
    text = ("Bridges of the county - Part 12 | Town Times\n\nHome\nNews\n\nBridges of the county - Part 12\n\n"
            "May 24, 2023\n\nBridges of the county - Part 12 – The old ferry crossing\n\n" + BODY_EN)
    assert clean(text).title == "Bridges of the county - Part 12 – The old ferry crossing"
    # A paragraph that happens to open with the headline's words is not its subtitle.
    prose = text.replace("Bridges of the county - Part 12 – The old ferry crossing",
                         "Bridges of the county - Part 12 – this week we look at the ferry, which has run since 1900.")
    assert clean(prose).title == "Bridges of the county - Part 12"


@pytest.mark.parametrize("line", ["Reuters November 18, 2019 11:03 PM", "Reuters Dezember 3, 2021",
                                  "Xinhua Settembre 3, 2021", "Reuters Octubre 3, 2021"])
def test_name_and_date_line_does_not_cut_a_month_name(line):
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river", [line], BODY_EN)
    assert clean(text).authors == []  # an agency, and no name glued to half a month


@pytest.mark.parametrize("box, body, names", [
    ("Jane Doe\n\nMore posts by Jane Doe", BODY_EN, ["Jane Doe"]),
    ("Eva Fuhrmann\n\nWeitere Beiträge", BODY_DE, ["Eva Fuhrmann"]),
    ("Jean Dupont\n\nTous ses articles", BODY_EN, ["Jean Dupont"]),
    ("Ana López\n\nMás artículos", BODY_EN, ["Ana López"]),
    ("Jan Kowalski\n\nWięcej artykułów", BODY_EN, ["Jan Kowalski"]),
    # A link to another source's pieces is no author box.
    ("Town Desk\n\nMore from Metro News", BODY_EN, []),
])
def test_author_box_after_the_story(box, body, names):
    text = ("Council approves new bridge | Town Times\n\nCouncil approves new bridge over the river\n\n" + body
            + "\nShare\n\nPrint\n\n" + box + "\n\nMost read\n")
    assert clean(text).authors == names


def test_headline_over_a_named_byline_beats_a_title_line_of_site_and_motto():
    text = page("Kids Code | Courses for primary schools", "Variables and where they live",
                ["12.11.2019 - Amelie Lorenz"], BODY_EN)
    assert clean(text).title == "Variables and where they live"
    # A standfirst of two sentences over the byline is not taken for the headline.
    standfirst = page("Kids Code | Courses for primary schools", "What is a variable? We explain it in class",
                      ["12.11.2019 - Amelie Lorenz"], BODY_EN)
    assert clean(standfirst).title != "What is a variable? We explain it in class"


@pytest.mark.parametrize("event, posted, day", [
    ("Termin: 21.02.2020, 19 Uhr", "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht "
     "und wurde unter Allgemein, Region, Tastings und Events abgelegt.", "2019-11-27"),
    ("Event date: February 21, 2020", "This entry was posted on Wednesday, November 27, 2019 at 3:21 pm and is filed "
     "under News, Region, Tastings and Events.", "2019-11-27"),
    ("Date de l'événement : 21 février 2020", "Publié le mercredi 27 novembre 2019 à 15h21 dans Actualités, Région, "
     "Dégustations et Événements.", "2019-11-27"),
])
def test_an_event_s_date_is_not_the_publication_date(event, posted, day):
    body = BODY_EN.replace("\n\n", f"\n\n{event}\n\n", 1)
    text = ("Tastings in spring | Whisky Club\n\nTastings in spring\n\n" + body + "\n" + posted
            + "\n\nComments are closed.\n\n« Whisky dinner 14.12.2019, 19 Uhr\n")
    assert clean(text).published.startswith(day)


def test_name_and_date_glued_together_still_read():
    text = page("Council approves new bridge | Town Times", "Council approves new bridge over the river",
                ["Anna Keller3.11.2023"], BODY_EN)
    article = clean(text)
    assert article.authors == ["Anna Keller"] and article.published.startswith("2023-11-03")


@pytest.mark.parametrize("crumbs, headline, body", [
    ("Home Guides Choosing a cat toy that keeps them busy", "Choosing a cat toy that keeps them busy", BODY_EN),
    ("Startseite Ratgeber Katzenspielzeug, das beschäftigt", "Katzenspielzeug, das beschäftigt", BODY_DE),
    ("Accueil Conseils Un jouet pour chat qui occupe", "Un jouet pour chat qui occupe", BODY_EN),
])
def test_headline_under_a_breadcrumb_that_ends_with_it(crumbs, headline, body):
    text = f"The best cat toys 2022 - Comparison\n\nHome\nShop\nDeals\n\n{crumbs}\n\n{headline}\n\n" + body
    assert clean(text).title == headline


def test_labelled_date_between_the_headline_and_the_story_beats_a_bare_one_by_the_story():
    from cleaner import Cleaner
    from cleaner.metadata import find_published
    from cleaner.metadata.zones import Zones
    from cleaner.score import score
    from cleaner.segment import segment

    lines = ["Star fusion at the accelerator", "An episode on how stars make oxygen.", "Download: mp3",
             "Published on 16.08.2019", "Duration: 1 hour", "Related episodes", "Peter says:",
             "24 August 2019 at 03:36", "Thank you for this episode, I liked it a lot."]
    evidence, _ = score(segment("\n\n".join(lines)), Cleaner().ruleset, "en", Cleaner().weights)
    zones = Zones(below=(1, 2), heads=((1, 2),), lead=(6, 7, 8), above=(), before=(), tail=(), story=(8, 8))
    assert find_published(evidence, zones, "en").startswith("2019-08-16")
    # Unlabelled, a date there does not outrank the one by the story.
    evidence[3].block.text = "16.08.2019"
    assert find_published(evidence, zones, "en").startswith("2019-08-24")


@pytest.mark.parametrize("subheading, body", [("Kauf von Gebrauchtwagen", BODY_DE), ("Bouw van Bruggen", BODY_EN)])
def test_subheading_after_the_first_paragraph_is_no_byline(subheading, body):
    first, rest = body.split("\n\n", 1)
    text = ("Neue Brücke | Stadtanzeiger\n\nHome\nNews\n\nDer Stadtrat beschließt die neue Brücke\n\n7. Oktober 2019\n\n"
            + first + "\n\n" + subheading + "\n\n" + rest + "\n" + body)
    assert clean(text).authors == []


@pytest.mark.parametrize("line", ["von Gesponserte Inhalte", "by Sponsored Content", "Par Contenu sponsorisé",
                                  "Por Contenido patrocinado", "Di Contenuto sponsorizzato", "door Gesponsorde inhoud"])
def test_paid_content_label_is_no_byline(line):
    found = byline_names(line, None)
    assert found is None or found[0] == []


def test_a_site_named_in_full_and_short_is_not_taken_for_the_headline():
    from cleaner.score import split_title

    # The longest part is the site's name; its short form beside it gives it away.
    assert split_title("Fair supply chains - Youth Work Association of the North (YWAN) - YWAN") == "Fair supply chains"
    assert split_title("Bridge vote delayed again - Frankfurter Allgemeine Zeitung - FAZ") == "Bridge vote delayed again"
    assert split_title("Council approves the new bridge | Daily Courier") == "Council approves the new bridge"


def test_a_site_name_glued_to_the_headline_and_printed_again_is_cut_off():
    from cleaner import Cleaner
    from cleaner.score import score, split_title
    from cleaner.segment import segment

    # "HeadlineSite | Site": a title template missing its separator once.
    title = "Truck wash opens by the A31Das andere Branchenbuch | Das andere Branchenbuch"
    assert split_title(title) == "Truck wash opens by the A31"
    assert split_title("Die neue BrückeStadtanzeiger Nord | Stadtanzeiger Nord") == "Die neue Brücke"
    # Not a glued name: a part that merely ends with the other's words.
    assert split_title("Bridge opens in Millbrook News | Millbrook News") == "Bridge opens in Millbrook News"
    text = (title + "\n\nHome\nNews\n\nDas andere Branchenbuch\n\nTruck wash opens by the A31\n\n"
            "Since early 2019 four wide washing lanes have cleaned lorries by the motorway, day and night.\n")
    cleaner = Cleaner()
    evidence, headline = score(segment(text), cleaner.ruleset, "en", cleaner.weights)
    assert evidence[headline].block.text == "Truck wash opens by the A31"


def test_a_date_line_under_the_headline_outranks_a_byline_after_the_story():
    tail = "\nRadio report of 30 January 2022 by Jane Doe for Millbrook FM\n\nMore news\n\nBakery wins prize\n"
    article = clean(page("Council approves bridge | Millbrook News", "Council approves bridge", ["26 January 2022"],
                         tail=tail))
    assert article.published == "2022-01-26"
    assert article.authors == ["Jane Doe"]


@pytest.mark.parametrize("tail, authors", [
    ("\nBenni\n10. September 2017\n", ["Benni"]),         # two lines of one block
    ("\nJane Doe\n\n3 May 2021\n", ["Jane Doe"]),         # two blocks
    ("\nRelated articles\n\n3 May 2021\n", []),           # a heading over a teaser's date
    ("\nMore Stories\n\n3 May 2021\n", []),
])
def test_a_sign_off_with_the_date_under_it_names_the_author(tail, authors):
    article = clean(page("Council approves bridge | Millbrook News", "Council approves bridge", [], tail=tail))
    assert article.authors == authors


def test_a_labelled_byline_over_a_date_line_a_little_after_the_story():
    teasers = "Share\n\nTweet\n\nEmail\n\nRelated articles\n\nBakery wins national prize\n\nFootball team loses final\n\n" \
              "New library opens\n\n"
    tail = "\n" + teasers + "Author: Jane Doe\n\nPublished: 3 May 2021\n\nUpdated: 6 May 2021\n\nRss\n\n© 2021 Millbrook News\n"
    article = clean(page("Council approves bridge | Millbrook News", "Council approves bridge", [], tail=tail))
    assert article.authors == ["Jane Doe"]


def test_the_headline_over_the_byline_outranks_a_role_over_a_date_line():
    text = ("Millbrook Daily\n\nNews\n\nSport\n\nWeather\n\nCouncil approves bridge\n\nBy Jane Doe\n\nMay 20, 2019\n\n"
            "A decade of debate ends with a vote.\n\nPhoto: John Roe/Millbrook Daily\n\nJane Doe\n\nStaff Correspondent\n\n"
            "May 20, 2019\n\nPrint this page\n\n" + BODY_EN)
    assert clean(text).title == "Council approves bridge"


# --- time zones and bylines after a time -----------------------------------------------

@pytest.mark.parametrize("line, names", [
    ("Freitag | 14. Juni 2019 | 15:49 von Sina Beispiel in Mode", ["Sina Beispiel"]),
    ("May 3, 2021 10:00 by Jane Doe", ["Jane Doe"]),
    ("14.09.2020 11h46 par Marie Leclerc", ["Marie Leclerc"]),
])
def test_a_byline_word_after_a_time_is_not_a_time_zone(line, names):
    assert byline_names(line, None)[0] == names


@pytest.mark.parametrize("text, iso", [
    ("Nov 20 2019, 10:18am ist", "2019-11-20T10:18:00+05:30"),
    ("May 3, 2021 10:00 EST", "2021-05-03T10:00:00-05:00"),
    ("3. Mai 2021 um 10:00 von Olga", "2021-05-03T10:00:00"),
])
def test_time_zones_are_the_known_abbreviations(text, iso):
    hit = find_dates(text, "en")[0]
    assert hit.iso == iso and "von" not in text[hit.start:hit.end]


def test_signed_lines_under_a_comments_heading_are_no_byline():
    comments = ("\n\nJetzt Artikel teilen!\n\nFacebook Twitter E-Mail Drucken\n\nAntworten\n\n"
                "Hier klicken, um das Antworten abzubrechen.\n\nName (erforderlich)\n\n"
                "E-Mail (wird nicht veröffentlicht)\n\nKommentar\n\nAktuelle Kommentare\n\n"
                "06.11.2023 - 14:00 von Lisa Leserin zu\n\nEin ganz anderer Artikel über den Markt\n\n"
                "06.11.2023 - 13:53 von Besorgter Bürger zu\n\nNoch ein anderer Artikel über die Schule\n")
    text = ("Brücke | Stadtblog\n\nStart\nStadt\n\nDer Stadtrat beschließt die neue Brücke\n\n" + BODY_DE + comments)
    assert clean(text).authors == []


def test_day_and_month_order_from_the_page_s_dates_with_month_names():
    caption = "\n\nStudents wait outside the town hall on September 28, 2020, before the vote.\n"
    text = page("Bridge vote | Town Times", "Council approves new bridge", ["02/10/2020 Jane Doe"], BODY_EN, tail=caption)
    assert clean(text).published == "2020-10-02"
    # A month-name date far from both readings tells nothing: an English page reads month first.
    far = caption.replace("September 28, 2020", "June 1, 2015")
    assert clean(page("Bridge vote | Town Times", "Council approves new bridge", ["02/10/2020 Jane Doe"], BODY_EN,
                      tail=far)).published == "2020-02-10"


def test_dated_byline_run_into_a_photo_credit_under_the_headline():
    text = page("Streit um die Brücke - Stadtblog", "Streit um die neue Brücke eskaliert",
                ["Seite 1 von 2", "Stadt (1 / 1) 06.11.2023 13:30 von Olga Symbolbild imago"], BODY_DE)
    article = clean(text)
    assert article.authors == ["Olga"]
    assert article.published == "2023-11-06T13:30:00"


def test_kicker_run_into_the_headline_is_cut_when_the_title_line_parts_them():
    menu = "\n\n".join(["Start", "Stadt", "Verkehr", "Brückenbau", "Schulen", "Sport", "Kultur"])
    text = ("Brückenbau - neue Brücke beschlossen | Stadtblog\n\n" + menu + "\n\nStart » Verkehr » Brückenbau\n\nBrückenbau Neue Brücke über den Fluss beschlossen\n\n" + BODY_DE)
    assert clean(text).title == "Neue Brücke über den Fluss beschlossen"


@pytest.mark.parametrize("line, headline, site", [
    ("Deutscher Brückenverband e.V.: Welche Brücke hält am längsten?", "Welche Brücke hält am längsten?",
     "Deutscher Brückenverband e.V."),
    ("Acme Widgets Inc.: How we test every widget", "How we test every widget", "Acme Widgets Inc."),
    ("Brexit: Johnson tritt zurück", "Brexit: Johnson tritt zurück", None),
])
def test_title_line_opening_with_an_organisation_s_legal_name(line, headline, site):
    assert split_site(line) == (headline, site)


@pytest.mark.parametrize("line, title", [
    ("Ferienhaus Seeblick (40222) - Ferien am See", "Ferienhaus Seeblick"),
    ("Wohnung am Park [Nr. 123456] | Ferien am See", "Wohnung am Park"),
    ("Die Flut von 1953 (1953) | Ferien am See", "Die Flut von 1953 (1953)"),
])
def test_a_listing_number_closing_the_title_is_cut(line, title):
    text = line + "\n\nHome\n\nHäuser\n\nKontakt\n\n" + BODY_DE
    assert clean(text).title == title


BODY_FR = (
    "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, mettant fin à un "
    "débat qui divise la ville depuis plus de dix ans et qui a séparé des familles entières.\n\n"
    "Les partisans affirment que le pont réduira de vingt minutes le trajet vers l'hôpital, tandis que "
    "les opposants craignent que le coût dépasse largement le budget prévu par le conseil.\n"
)


@pytest.mark.parametrize("headline, body, title", [
    ("Streit im Stadtrat : Neue Brücke über den Fluss beschlossen", BODY_DE, "Neue Brücke über den Fluss beschlossen"),
    ("Streit im Stadtrat: Neue Brücke über den Fluss beschlossen", BODY_DE,
     "Streit im Stadtrat: Neue Brücke über den Fluss beschlossen"),
    ("Pont sur la rivière : Le conseil municipal dit oui", BODY_FR, "Pont sur la rivière : Le conseil municipal dit oui"),
])
def test_a_kicker_joined_by_a_spaced_colon_is_cut_outside_french(headline, body, title):
    text = page(headline + " | Stadtblog", headline, ["12.05.2023"], body)
    assert clean(text).title == title


def test_a_brand_glued_before_the_headline_on_the_title_line_is_cut():
    menu = "\n\n".join(["Brückenbau! Shop", "Touren", "Brückenbau! Newsletter", "Kontakt"])
    text = ("Brückenbau! Alte Fähre\n\n" + menu + "\n\nAlte Fähre\n\n" + BODY_DE)
    assert clean(text).title == "Alte Fähre"
    # Without the brand opening other lines, the title line stays whole.
    plain = text.replace("Brückenbau! Shop", "Shop").replace("Brückenbau! Newsletter", "Newsletter")
    assert clean(plain).title == "Brückenbau! Alte Fähre"


def test_an_archive_banner_s_field_labels_are_no_names():
    # "Collected by" closing one line, the field on the next, joined as a byline is read.
    assert not (byline_names("BY Organization: Alexa Crawls", "en") or ([],))[0]


@pytest.mark.parametrize("line", ["Tesla EV: What the new model can do", "Hotel Spa: Our treatments this winter",
                                  "Minus 5 kg: How I changed my diet"])
def test_title_line_opening_with_a_word_like_a_legal_form_stays_whole(line):
    assert split_site(line) == (line, None)


def test_an_embedded_post_s_date_inside_the_story_is_not_the_date():
    body = BODY_EN.replace("\n\nSupporters said", "\n\n— Town Hall (@townhall) October 31, 2021\n\nSupporters said")
    assert clean(page("Council approves new bridge | Town Times", "Council approves new bridge", [], body)).published is None


def test_a_sentence_opening_with_a_byline_word_gives_no_lone_name():
    line = "(Leipzig) - Von Preisbremsen im Energiemarkt über die Mehrwegpflicht in der Gastronomie bis hin zur Klage"
    assert byline_names(line, "de") is None
    assert byline_names("Von Ela, 12. Mai 2023", "de")[0] == ["Ela"]


def test_a_dated_byline_after_the_story_does_not_outrank_a_user_name_under_the_headline():
    # A blog's front page: the next post's byline follows the first post's story.
    text = ("Kiezblog\n\nStart\nÜber uns\nImpressum\n\nDie Brücke kommt\n\nPubliziert am 13. Januar 2014 von kiezfrau\n\n"
            + BODY_DE + "\nVeröffentlicht unter Allgemein | 3 Kommentare\n\nDer Spielplatz ist fertig\n\n"
            "Publiziert am 4. Juni 2012 von Tom Beispiel\n\n"
            "Nach zwei Jahren Bauzeit ist der neue Spielplatz am Ufer fertig, und die Kinder aus der Nachbarschaft "
            "haben ihn am Wochenende sofort in Beschlag genommen.\n\n"
            "Veröffentlicht unter Allgemein | Hinterlasse einen Kommentar\n")
    article = clean(text)
    assert article.authors == ["kiezfrau"]
    assert article.published == "2014-01-13"


@pytest.mark.parametrize("label, value, authors", [
    ("Auteur(s) :", "Les Membres du Chœur de la Ville", ["Les Membres du Chœur de la Ville"]),
    ("Autor*in:", "Pressestelle der Stadt Millbrook", ["Pressestelle der Stadt Millbrook"]),
    ("Author(s):", "Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Autor:", "Hans Beispiel, Pressesprecher", ["Hans Beispiel"]),  # a name and a role: the name
    ("Auteur :", "Voir la pétition complète.", []),   # a sentence, not a value
])
def test_the_value_under_a_lone_author_label_is_taken_whole(label, value, authors):
    text = page("Sauvez le chœur | Pétitions", "Sauvez le chœur", ["12 345 signatures", label, value])
    assert clean(text).authors == authors


def test_a_signature_over_the_story_s_footnotes_names_the_author():
    notes = ("\nMarie Dubois\n\n(1) Ces chiffres sont ceux de l'office de la statistique, publiés au printemps dernier.\n\n"
             "(2) Voir le rapport du conseil municipal de l'an passé, pages 12 à 15.\n\n"
             "Le pont en chiffres\n\nQuarante millions d'euros, trois ans de travaux et deux voies pour les vélos, "
             "selon le projet que le conseil a adopté mardi.\n")
    body = ("Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, mettant fin à un "
            "débat qui divisait la ville depuis plus de dix ans.\n\n"
            "Les partisans du projet affirment que le trajet vers l'hôpital sera plus court de vingt minutes, tandis "
            "que les opposants craignent une hausse des coûts bien au-delà du budget prévu (1).\n\n"
            "Le maire a déclaré que les travaux pourraient commencer au printemps prochain si l'État approuve les "
            "plans à temps, et que l'ancien bac continuerait de fonctionner (2).\n")
    text = page("Le pont est voté | Le Courrier", "Le pont est voté", [], body, tail=notes)
    assert clean(text).authors == ["Marie Dubois"]


@pytest.mark.parametrize("line, names", [
    ("Filed under: Notebook, Town hall — marge @ 22:11", ["marge"]),
    ("Posted in News — Jane Doe @ 9:05 pm | 3 Comments", ["Jane Doe"]),
])
def test_a_name_before_at_and_a_time_closing_a_post_s_meta_line(line, names):
    text = page("Council approves bridge | Marge's notebook", "Council approves bridge", [line, "Tags: bridge, council"])
    assert clean(text).authors == names


def test_a_comment_s_date_at_a_time_is_no_byline():
    from cleaner.metadata.authors import at_time_names
    assert at_time_names("Comment by Bob — 17.07.2011 @ 14:29", "en") is None
    assert at_time_names("Party tonight @ 18:00", "en") is None


@pytest.mark.parametrize("box, authors", [
    ("Über Steffi 1009 Artikel\n\nIch bin Steffi und schreibe hier über Haustiere.\n", ["Steffi"]),
    ("About Jane Doe | 212 posts\n\nJane covers the town hall.\n", ["Jane Doe"]),
    ("Über uns 12 Artikel\n\nWir sind ein kleines Team.\n", []),
])
def test_an_author_box_with_the_count_of_the_author_s_pieces(box, authors):
    text = page("Brücke beschlossen | Stadtblog", "Brücke beschlossen", [], BODY_DE,
                tail="\nTeilen\n\n" + box + "\nVorheriger Beitrag\n")
    assert clean(text).authors == authors


@pytest.mark.parametrize("site, authors", [
    ("Dr. Jana Beispiel", ["Jana Beispiel"]),        # a scholar's own homepage
    ("Prof. Dr. Jana Beispiel", ["Jana Beispiel"]),
    ("Stadtblog Millbrook", []),
    ("Dr. Beispiel Consulting", []),                 # a firm named after its founder
])
def test_a_personal_site_named_after_a_titled_person_names_the_author(site, authors):
    text = page(f"Die Brücke – {site}", "Die Brücke", [], BODY_DE)
    assert clean(text).authors == authors


def test_the_date_under_a_headline_printed_again_below_the_story_start_past_an_image_s_lines():
    from cleaner import Cleaner
    from cleaner.metadata import find_published
    from cleaner.metadata.zones import find
    from cleaner.score import score
    from cleaner.segment import segment

    prose = BODY_EN.strip().split("\n\n")
    lines = ["Guide for councils", prose[0], prose[1], "1.1 Why adapt?", "1.2 What to expect?",
             "Council approves bridge", "click to enlarge", "The planned bridge seen from the river.",
             "Photo: Jane Roe / Town Archive", "The council voted on Tuesday to build a new bridge.",
             "25.01.2022", "The bridge", prose[2], prose[0], prose[1], prose[2]]
    evidence, _ = score(segment("\n\n".join(lines)), Cleaner().ruleset, "en", Cleaner().weights)
    # The page's headline at the top, the story from the first paragraph on, its headline again at 5.
    zones = find(evidence, [0], 1, 15, far=[5])
    assert find_published(evidence, zones, "en") == "2022-01-25"


@pytest.mark.parametrize("text, iso", [
    ("Jan 04 09:34 2021", "2021-01-04T09:34:00"),
    ("Okt 12 18:05 2022", "2022-10-12T18:05:00"),
])
def test_a_header_date_with_the_time_between_the_day_and_the_year(text, iso):
    assert parse_date(text, "de") == iso
    article = clean(page("Vogel des Jahres | Jagdblatt", "Der Steinkauz ist Vogel des Jahres", [text], BODY_DE))
    assert article.published == iso
