"""Each kind of evidence the engine weighs, on small pages in several languages."""

import pytest

from cleaner import Cleaner, clean, clean_and_explain

import pages

MENU = ["Home", "News", "World", "Politics", "Business", "Sport", "Culture", "Weather", "Video"]

STORIES = {
    "en": pages.STORIES[0],  # the batch tests' first story
    "de": ("Stadtrat beschließt neue Brücke über den Fluss", [
        "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Fluss beschlossen und damit eine "
        "Debatte beendet, die in der Stadt seit fast zehn Jahren geführt wurde.",
        "Die Brücke soll rund 40 Millionen Euro kosten und im Jahr 2027 eröffnet werden, sagte der Bürgermeister "
        "nach der Abstimmung, und die alte Fähre werde bis dahin weiter fahren.",
        "Die Anwohner am Ostufer klagen schon lange darüber, dass der nächste Übergang vierzig Minuten entfernt "
        "ist, und mehrere von ihnen haben sich in der Sitzung für den Plan ausgesprochen.",
    ]),
    "fr": ("Le conseil municipal approuve un nouveau pont", [
        "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, mettant fin à un "
        "débat qui durait depuis près de dix ans dans la ville.",
        "Le pont coûtera environ 40 millions d'euros et devrait ouvrir en 2027, a déclaré le maire après le vote, "
        "ajoutant que l'ancien bac continuera de circuler d'ici là.",
        "Les habitants de la rive est se plaignent depuis longtemps que le passage le plus proche se trouve à "
        "quarante minutes de route, et plusieurs d'entre eux ont soutenu le projet lors de la réunion.",
    ]),
    "es": ("El ayuntamiento aprueba un nuevo puente sobre el río", [
        "El pleno del ayuntamiento aprobó el martes la construcción de un nuevo puente sobre el río, poniendo fin "
        "a un debate que duraba casi diez años en la ciudad.",
        "El puente costará unos 40 millones de euros y debería abrir en 2027, dijo el alcalde después de la "
        "votación, y añadió que el viejo transbordador seguirá funcionando hasta entonces.",
        "Los vecinos de la orilla este se quejan desde hace tiempo de que el paso más cercano está a cuarenta "
        "minutos en coche, y varios de ellos apoyaron el plan en la reunión.",
    ]),
    "pt": ("Câmara aprova nova ponte sobre o rio", [
        "A câmara municipal aprovou na terça-feira a construção de uma nova ponte sobre o rio, pondo fim a um "
        "debate que durava quase dez anos na cidade.",
        "A ponte vai custar cerca de 40 milhões de euros e deve abrir em 2027, disse o presidente da câmara depois "
        "da votação, acrescentando que o velho barco continuará a funcionar até lá.",
        "Os moradores da margem leste queixam-se há muito de que a passagem mais próxima fica a quarenta minutos "
        "de carro, e vários deles apoiaram o plano na reunião.",
    ]),
    "it": ("Il consiglio comunale approva un nuovo ponte sul fiume", [
        "Il consiglio comunale ha approvato martedì la costruzione di un nuovo ponte sul fiume, mettendo fine a un "
        "dibattito che durava da quasi dieci anni in città.",
        "Il ponte costerà circa 40 milioni di euro e dovrebbe aprire nel 2027, ha detto il sindaco dopo il voto, "
        "aggiungendo che il vecchio traghetto continuerà a funzionare fino ad allora.",
        "Gli abitanti della sponda est si lamentano da tempo che il passaggio più vicino è a quaranta minuti di "
        "auto, e molti di loro hanno sostenuto il piano durante la riunione.",
    ]),
    "pl": ("Rada miasta zatwierdza nowy most na rzece", [
        "Rada miasta zagłosowała we wtorek za budową nowego mostu na rzece, kończąc debatę, która trwała w "
        "mieście prawie dziesięć lat.",
        "Most ma kosztować około 40 milionów złotych i zostać otwarty w 2027 roku, powiedział burmistrz po "
        "głosowaniu, dodając, że do tego czasu będzie kursował stary prom.",
        "Mieszkańcy wschodniego brzegu od dawna skarżą się, że najbliższa przeprawa jest oddalona o czterdzieści "
        "minut jazdy, a kilku z nich poparło plan na posiedzeniu.",
    ]),
    "ru": ("Городской совет одобрил новый мост через реку", [
        "Городской совет во вторник проголосовал за строительство нового моста через реку, положив конец спору, "
        "который шёл в городе почти десять лет.",
        "Мост обойдётся примерно в 40 миллионов евро и должен открыться в 2027 году, сказал мэр после "
        "голосования, добавив, что до тех пор будет работать старый паром.",
        "Жители восточного берега давно жалуются, что до ближайшей переправы сорок минут езды, и несколько из "
        "них выступили на заседании в поддержку плана.",
    ]),
    "nl": ("Gemeenteraad keurt nieuwe brug over de rivier goed", [
        "De gemeenteraad heeft dinsdag ingestemd met de bouw van een nieuwe brug over de rivier, waarmee een "
        "discussie die bijna tien jaar duurde in de stad is beëindigd.",
        "De brug gaat ongeveer 40 miljoen euro kosten en moet in 2027 opengaan, zei de burgemeester na de "
        "stemming, en de oude veerpont blijft tot dan varen.",
        "Bewoners van de oostoever klagen al lang dat de dichtstbijzijnde oversteek veertig minuten rijden is, "
        "en verschillende van hen spraken zich tijdens de vergadering uit voor het plan.",
    ]),
}
# A label over teasers for other stories, and a teaser's summary, per language.
TEASERS = {
    "en": ("Related stories", "Bakery wins national prize",
           "A family bakery that opened in 1952 has won a national prize for its sourdough bread, the second "
           "award in three years for the business."),
    "de": ("Lesen Sie auch", "Bäckerei gewinnt Preis",
           "Eine Familienbäckerei, die 1952 eröffnet wurde, hat einen nationalen Preis für ihr Sauerteigbrot "
           "gewonnen, die zweite Auszeichnung in drei Jahren."),
    "fr": ("À lire aussi", "Une boulangerie primée",
           "Une boulangerie familiale ouverte en 1952 a remporté un prix national pour son pain au levain, la "
           "deuxième récompense en trois ans pour l'entreprise."),
    "es": ("Te puede interesar", "Una panadería gana un premio",
           "Una panadería familiar abierta en 1952 ha ganado un premio nacional por su pan de masa madre, el "
           "segundo galardón en tres años para el negocio."),
    "pt": ("Leia também", "Padaria ganha prémio nacional",
           "Uma padaria familiar aberta em 1952 ganhou um prémio nacional pelo seu pão de fermentação natural, a "
           "segunda distinção em três anos para o negócio."),
    "it": ("Leggi anche", "Un forno vince un premio",
           "Un forno di famiglia aperto nel 1952 ha vinto un premio nazionale per il suo pane a lievitazione "
           "naturale, il secondo riconoscimento in tre anni."),
    "pl": ("Czytaj także", "Piekarnia z nagrodą",
           "Rodzinna piekarnia otwarta w 1952 roku zdobyła krajową nagrodę za chleb na zakwasie, drugie "
           "wyróżnienie w ciągu trzech lat."),
    "ru": ("Читайте также", "Пекарня получила премию",
           "Семейная пекарня, открытая в 1952 году, получила национальную премию за хлеб на закваске, вторую "
           "награду за три года."),
    "nl": ("Lees ook", "Bakkerij wint prijs",
           "Een familiebakkerij die in 1952 openging heeft een nationale prijs gewonnen voor haar zuurdesembrood, "
           "de tweede onderscheiding in drie jaar."),
}


def page(lang: str, before=(), after=(), title_line: bool = True) -> str:
    headline, paragraphs = STORIES[lang]
    lines = [f"{headline} | Daily Courier", ""] if title_line else []
    lines += ["\n".join(MENU), ""]
    lines += [*before]
    lines += [headline, ""]
    for p in paragraphs:
        lines += [p, ""]
    lines += [*after]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_story_found_in_each_language(lang):
    article = clean(page(lang))
    assert article.text == "\n\n".join(STORIES[lang][1])


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_headline_repeating_the_title_line_opens_the_story(lang):
    _, decisions = clean_and_explain(page(lang))
    headline = STORIES[lang][0]
    ruled = {d.text: d.rule for d in decisions}
    assert ruled[headline] == "story.headline"
    assert clean(page(lang)).title == headline


@pytest.mark.parametrize("lang", sorted(TEASERS))
def test_teasers_under_a_label_are_removed(lang):
    label, head, summary = TEASERS[lang]
    text = clean(page(lang, after=[label, "", head, summary, ""])).text
    assert summary not in text and head not in text and label not in text
    assert STORIES[lang][1][-1] in text


def test_navigation_breadcrumbs_and_language_pickers_are_removed():
    before = ["Home / News / Local", "", "English Deutsch Français Español", "", "Skip to content", ""]
    _, decisions = clean_and_explain(page("en", before=before))
    rules = {d.text: d.rule for d in decisions if not d.keep}
    assert rules["Home / News / Local"] == "nav.breadcrumb"
    assert rules["English Deutsch Français Español"] == "nav.language-picker"
    assert rules["Skip to content"] == "nav.skip-link"
    assert all(m in rules for m in MENU)


@pytest.mark.parametrize("ending, rule", [
    (["Share this article", "Facebook", "Twitter", "Email"], "social.share"),
    (["Comments", "", "Jane wrote: I have waited ten years for this bridge and I am glad it will finally be built."],
     "end.comments"),
    (["Sign up for our daily newsletter", ""], "social.newsletter"),
    (["Tags: bridge, council, river"], "end.tags"),
    (["About the author", "", "John Roe has covered the council for the Daily Courier since 2015 and lives in the town."],
     "end.about-author"),
    (["© 2024 Daily Courier. All rights reserved."], "legal.copyright"),
])
def test_end_of_story_signals(ending, rule):
    article, decisions = clean_and_explain(page("en", after=ending))
    assert article.text == "\n\n".join(STORIES["en"][1])
    assert rule in {d.rule for d in decisions if not d.keep}


# A blog's comment list headed only by the count of its "thoughts" on the post's
# title (a blog theme's own heading, in each language it is translated to).
THOUGHTS = {
    "en": ("2 thoughts on “{}”", ["Maria Lopez says:", "March 2, 2024 at 10:15 am",
           "Great post, thank you so much for sharing this with us! I always enjoy reading your blog on Sunday "
           "mornings with a cup of coffee.", "Reply", "Tom Baker says:", "March 2, 2024 at 11:40 am",
           "Thanks Maria, that is very kind of you and I am happy you liked it. Have a lovely weekend!", "Reply"]),
    "de": ("2 Gedanken zu „{}“", ["Maria Lopez sagt:", "2. März 2024 um 10:15 Uhr",
           "Toller Beitrag, vielen Dank fürs Teilen! Ich lese deinen Blog am Sonntagmorgen immer sehr gerne bei "
           "einer Tasse Kaffee.", "Antworten", "Tom Becker sagt:", "2. März 2024 um 11:40 Uhr",
           "Danke dir, Maria, das ist sehr lieb von dir und freut mich sehr. Hab ein schönes Wochenende!", "Antworten"]),
}


@pytest.mark.parametrize("lang", sorted(THOUGHTS))
def test_a_count_of_thoughts_on_the_title_heads_the_comments(lang):
    label, comments = THOUGHTS[lang]
    heading = label.format(STORIES[lang][0])
    article, decisions = clean_and_explain(page(lang, after=[heading, ""] + [c + "\n" for c in comments]))
    assert article.text == "\n\n".join(STORIES[lang][1])
    assert {d.text: d.rule for d in decisions}[heading] == "end.comments"


# A podcast's short show notes, then a comment longer and livelier than they are.
PODCAST = {
    "en": ("Star fusion at the accelerator", [
        "Kathrin is an astrophysicist and works at a research centre for heavy ions near Darmstadt.",
        "She builds detectors for it and measures how much of each element the stars make in the end."],
        "One thought on “{}”", ["Peter says:\n24 August 2019 at 03:36",
        "First of all, thank you for this episode! I should comment here much more often, the topics are so "
        "interesting and you both explain them in a way that even I can follow on my long way to work. I listened "
        "to it twice and I will send it to my sister, who teaches physics at a school in Leeds.", "Reply"]),
    "de": ("Sternfusion am Teilchenbeschleuniger", [
        "Kathrin ist Astrophysikerin und arbeitet an einem Forschungszentrum für Schwerionen bei Darmstadt.",
        "Sie baut dort Detektoren und misst, wie viel von jedem Element die Sterne am Ende erzeugen."],
        "Ein Gedanke zu „{}“", ["Peter sagt:\n24. August 2019 um 03:36 Uhr",
        "Also erstmal, danke für diese Folge! Ich sollte hier viel öfter kommentieren, die Themen sind so "
        "spannend und ihr erklärt sie so, dass sogar ich sie auf meinem langen Weg zur Arbeit verstehe.", "Antworten"]),
}


@pytest.mark.parametrize("lang", sorted(PODCAST))
def test_a_comment_head_naming_the_headline_stands_under_the_story(lang):
    headline, notes, label, comments = PODCAST[lang]
    lines = [f"{headline} | Resonator", "Home\nEpisodes\nAbout", headline, *notes,
             "Download: mp3 (30 MB) m4a (24 MB)", label.format(headline), *comments]
    text = clean("\n\n".join(lines) + "\n").text
    assert text.startswith("\n\n".join(notes))
    assert comments[1] not in text and "Peter" not in text


def test_a_post_crediting_its_items_goes_on_while_its_credit_lines_do():
    post = ["Earrings for summer | Style Diary", "Home\nFashion\nBeauty\nShop\nAbout", "Earrings for summer",
            "Summer is here: the short dresses come out again and the hair is worn up more often. It is the perfect "
            "time to show off your earrings, and we have picked our favourite ear cuffs for you, plain or gold.",
            "Silver flash, baby!",
            "Lui Lu has come up with a great idea that lets you make every earring your own. From now on you can buy "
            "small charms, like this sweet lightning bolt, and combine them as you like for a look of your own.",
            "Earring: Lui Lu", "Charm: Lui Lu",
            "If you have no pierced ears and still do not want to go without, we can recommend a striking ear cuff. "
            "This one is by Zoeca and a real eye-catcher.",
            "Earcuff: Zoeca", "Golden glow!",
            "The charms by Lui Lu also fit on larger hoops and of course they come in gold too.",
            "Hoop + Charm: Lui Lu", "Earring with moon: Zoeca", "Earcuff: Zoeca", "Subtle",
            "Very subtle are the small hoops by Zoeca with a slightly bolder ear cuff", "Hoop: Stella Hoops"]
    teasers = ["Related Posts", "It is Summer Sale: the top 7 deals of the week", "Wednesday | 31 July 2019",
               "Final Summer Sale: now you have to be quick and grab the bargains of the season before they go […]",
               "Read more"]
    text = clean("\n\n".join(post + teasers) + "\n").text
    assert text.startswith(post[3]) and text.endswith("Hoop: Stella Hoops")


def test_credit_line_ends_the_story_and_stays():
    credit = "This report by The Associated Press was first published May 24, 2023."
    label, head, summary = TEASERS["en"]
    article = clean(page("en", after=[credit, "", head, "", summary, ""]))
    assert article.text.endswith(credit)
    assert summary not in article.text
    assert article.source == "The Associated Press" and article.published == "2023-05-24"


@pytest.mark.parametrize("credit", ["Jane Roe in Ottawa contributed to this report.",
                                    "(Reporting by Jane Roe; Editing by John Doe)"])
def test_a_contributor_line_a_few_lines_under_the_story_brings_them_and_ends_it(credit):
    note = "This version corrects the name of the river, which the first version misspelled."
    label, head, summary = TEASERS["en"]
    article, decisions = clean_and_explain(page("en", after=["___", "", note, "", credit, "",
                                                             label, "", head, "", summary, ""]))
    assert article.text == "\n\n".join([*STORIES["en"][1], "___", note, credit])
    assert "end.contributors" not in {d.rule for d in decisions if not d.keep}


def test_the_story_goes_on_past_a_related_link_set_into_it():
    link = "Related: Ferry service to end when the new bridge opens"
    last = "The council said the bridge vote was final and that the river crossing would be built as planned."
    article, decisions = clean_and_explain(page("en", after=[link, "", last, "", "\n".join(MENU), ""]))
    assert article.text == "\n\n".join([*STORIES["en"][1], last])
    assert "label.related-link" in {d.rule for d in decisions if not d.keep}


def test_a_notice_under_the_title_line_over_the_menus_is_not_story():
    notice = "The Daily Courier is also available in Spanish."
    text = page("en").replace("| Daily Courier\n", "| Daily Courier\n" + notice + "\n", 1)
    article = clean(text)
    assert article.text == "\n\n".join(STORIES["en"][1])


def test_glued_label_is_cut_from_a_paragraph():
    story = STORIES["en"][1]
    glued = story[:-1] + [story[-1] + " Top Stories"]
    text = "Council approves new bridge over the river\n\n" + "\n\n".join(glued) + "\n"
    article, decisions = clean_and_explain(text)
    assert article.text.endswith(story[-1])
    assert any(rule == "label.glued" for d in decisions for rule, _, _ in d.cuts)


def test_cohesion_keeps_a_short_on_topic_line():
    short = "The bridge vote was seven to two."
    text = clean(page("en", after=[short, ""])).text
    assert text.endswith(short)


def test_repeated_menu_lines_and_stop_word_poor_lines_are_chrome():
    keywords = "Brücke Stadtrat Fluss Fähre Bürgermeister Ostufer Abstimmung"
    article = clean(page("de", after=[keywords, "", "\n".join(MENU), ""]))
    assert keywords not in article.text
    assert article.text.startswith(STORIES["de"][1][0])


CJK = {
    "ja": ("市議会が新しい橋の建設を承認", [
        "市議会は火曜日、川に新しい橋を架ける計画を承認した。約十年にわたって続いてきた議論に決着がついた形だ。",
        "市長は採決の後、橋の建設費はおよそ四十億円で、二〇二七年に開通する見込みだと述べた。それまでは古い渡し船が運航を続けるという。",
        "東岸の住民は、最寄りの橋まで車で四十分かかると長年訴えてきた。会合では多くの住民が計画に賛成する意見を述べた。",
    ]),
    "zh": ("市议会批准在河上修建新桥", [
        "市议会周二投票批准在河上修建一座新桥，结束了这座城市持续近十年的争论。",
        "市长在投票后表示，这座桥的造价约为四千万欧元，预计将在二零二七年通车，在此之前旧渡船将继续运营。",
        "东岸的居民长期以来抱怨，最近的过河通道需要开车四十分钟，他们中的许多人在会上表示支持这一计划。",
    ]),
}


@pytest.mark.parametrize("lang", sorted(CJK))
def test_chinese_and_japanese_stories_are_not_broken(lang):
    headline, paragraphs = CJK[lang]
    menu = ["首页", "新闻", "体育", "娱乐", "财经", "科技", "汽车"] if lang == "zh" else ["ホーム", "ニュース", "スポーツ", "経済", "国際", "天気"]
    text = "\n".join([headline, "", "\n".join(menu), "", headline, ""] + [p + "\n" for p in paragraphs])
    assert clean(text).text == "\n\n".join(paragraphs)


CJK_COMMENTS = {
    "ja": ("コメント（2）", ["田中 2024/03/02 10:15", "橋ができれば通勤がずっと楽になると思います。本当に楽しみにしています。",
                          "佐藤 2024/03/02 11:40", "建設費が高すぎるのではないでしょうか。もっと議論が必要だと思います。"]),
    "zh": ("留言列表 (2)", ["#1 小王 於 2024/03/02 10:15", "这座桥建好以后上班会方便很多，真的很期待早日通车。",
                         "#2 老李 於 2024/03/02 11:40", "造价是不是太高了？我觉得还需要更多的讨论才行。"]),
}


@pytest.mark.parametrize("lang", sorted(CJK))
def test_a_comment_section_under_a_cjk_story_is_not_story(lang):
    headline, paragraphs = CJK[lang]
    label, comments = CJK_COMMENTS[lang]
    text = "\n".join([headline, ""] + [p + "\n" for p in paragraphs] + [label, ""] + [c + "\n" for c in comments])
    article, decisions = clean_and_explain(text)
    assert article.text == "\n\n".join(paragraphs)
    assert "end.comments" in {d.rule for d in decisions if not d.keep}


def test_a_formulas_tex_source_is_cut_wherever_it_stands_and_the_formula_stays():
    lead = "A matrix is Hermitian when it equals its own conjugate transpose, as Charles Hermite showed in 1855."
    line = ("If the conjugate transpose of a matrix A {\\displaystyle A} is denoted by A H {\\displaystyle "
            "A^{\\mathsf {H}}}, the property reads A = A H {\\displaystyle A=A^{\\mathsf {H}}} for every such matrix.")
    article, decisions = clean_and_explain(f"Hermitian matrix\n\n{lead}\n\n{line}\n")
    assert article.text.endswith("If the conjugate transpose of a matrix A is denoted by A H, "
                                 "the property reads A = A H for every such matrix.")
    cuts = [phrase for d in decisions for rule, phrase, _ in d.cuts if rule == "markup.tex-source"]
    assert cuts == ["{\\displaystyle A=A^{\\mathsf {H}}}", "{\\displaystyle A^{\\mathsf {H}}}", "{\\displaystyle A}"]


def test_a_page_without_clear_prose_still_gives_its_best_region():
    text = "Opening hours\n\nMonday to Friday 9 to 17\nSaturday 10 to 14\n\nContact\n"
    assert clean(text).text.strip()


def test_a_single_line_page_is_kept():
    assert clean("The bridge will open in 2027.\n").text == "The bridge will open in 2027."


EXTRA = [
    "Work on the approach roads will start next year, and the council has asked the state for help with the cost "
    "of the steel, which has risen sharply since the plan was first drawn up.",
    "The mayor said the town would hold a public meeting in March to show residents the final design of the "
    "bridge and to answer questions about the closures during construction.",
]


def long_page(middle=(), top=(), bottom=()):
    headline, paragraphs = STORIES["en"]
    lines = [f"{headline} | Daily Courier", "", "\n".join(MENU), "", *top, headline, "", "By Jane Doe", "",
             "March 5, 2024", ""]
    lines += [paragraphs[0], "", paragraphs[1], "", *middle, paragraphs[2], "", EXTRA[0], "", EXTRA[1], "", *bottom]
    return "\n".join(lines) + "\n"


def test_a_box_of_links_inside_the_story_is_removed_and_the_story_goes_on():
    box = ["Related", "Town budget passes after long night", "School reopens after flood repairs",
           "Ferry fares to rise in summer", ""]
    article = clean(long_page(middle=box))
    assert article.text.endswith(EXTRA[1])
    assert "Ferry fares" not in article.text and "Related" not in article.text


def _ended(text: str, feature: str = "after_end") -> list[float]:
    """Each block's after_end context feature (or another): whether an end boundary lies above it."""
    from cleaner import score as S
    from cleaner.segment import segment
    from cleaner.text import stopwords

    c = Cleaner(detect_language=False)
    evidence = [S._local(b, c.ruleset, stopwords("en")) for b in segment(text)]
    S._local_features(evidence, None, c.weights.local)
    headline = S.find_title_repeat(evidence)
    S._context(evidence, headline, S._title_words(evidence, headline), c.weights.context, keep=True)
    at = S.CONTEXT.index(feature)
    return [ev.context_features[at] for ev in evidence]


LONG = [
    "The city council voted on Tuesday evening to approve the construction of a new bridge across the river, "
    "ending a debate that had divided the town for almost a decade and that had brought hundreds of residents "
    "to the council chamber on each of the nights when it was discussed.",
    "The bridge is expected to cost about forty million dollars, and the mayor said after the vote that it should "
    "open to traffic in the spring of 2027, while the old ferry would keep running until then for those who "
    "cross the river to work every morning.",
    "Residents on the east bank have long complained that the nearest crossing is forty minutes away by car, and "
    "several of them spoke in favour of the plan during the meeting, saying that the new bridge would bring "
    "shops and a school within reach of their children.",
    "Work on the approach roads will start next year, and the council has asked the state for help with the "
    "cost of the steel, which has risen sharply since the plan was first drawn up by the engineers who were "
    "hired by the town three years ago.",
]


def long_story(middle=(), bottom=()):
    lines = ["Council approves new bridge over the river | Daily Courier", "", "\n".join(MENU), "",
             "Council approves new bridge over the river", ""]
    lines += [LONG[0], "", LONG[1], "", *middle, LONG[2], "", LONG[3], "", *bottom]
    return "\n".join(lines) + "\n"


def test_a_related_label_the_story_goes_on_under_ends_nothing():
    box = ["Related", "Town budget passes after long night", "School reopens after flood repairs", ""]
    assert _ended(long_story(middle=box))[-1] == 0.0
    # Under the story, the same label over a list of teasers ends it.
    teasers = ["Related", "", "Ferry fares to rise in summer", "", "The ferry company blamed the price of fuel.", "",
               "School reopens after flood repairs", "", "Pupils return on Monday after a month away.", ""]
    assert _ended(long_story(bottom=teasers))[-1] == 1.0


def test_a_comment_column_in_a_table_inside_the_story_does_not_end_it():
    table = ["State", "", "Comment", "", "open", "", "Waiting for review.", ""]
    assert _ended(long_story(middle=table))[-1] == 0.0
    assert _ended(long_story(bottom=["Comments", "", "Great news for the town!", ""]))[-1] == 1.0


def test_the_headline_printed_again_in_a_share_box_is_no_word_on_its_topic():
    share = ["Print", "", "Email", "", "Send a correction", "", "Share this story", "",
             "Council approves new bridge over the river", "",
             "A new bridge across the river was approved by the council.", ""]
    words = _ended(long_story(bottom=share), "title_words")
    assert words[-2] == 0.0 and words[-1] > 0.0


def test_an_advertisement_line_does_not_break_the_story():
    article = clean(long_page(middle=["Advertisement", ""]))
    assert article.text.endswith(EXTRA[1]) and "Advertisement" not in article.text


def test_byline_and_date_leave_the_story_for_the_metadata():
    article = clean(long_page())
    assert article.text.startswith(STORIES["en"][1][0])
    assert "By Jane Doe" not in article.text and "March 5, 2024" not in article.text
    assert article.authors == ["Jane Doe"] and article.published == "2024-03-05"


def test_top_stories_above_the_headline_are_not_story():
    top = ["Top Stories", "", TEASERS["en"][1], TEASERS["en"][2], "",
           "Ferry fares to rise in summer",
           "Fares on the river ferry will rise by ten per cent in June, the operator said, blaming fuel costs.", ""]
    article = clean(long_page(top=top))
    assert TEASERS["en"][2] not in article.text and "Fares on the river ferry" not in article.text
    assert article.text.startswith(STORIES["en"][1][0])


def test_subheadings_inside_the_story_stay():
    middle = ["What happens next", ""]
    article = clean(long_page(middle=middle))
    assert "What happens next" in article.text


@pytest.mark.parametrize("lang, form", [
    ("en", ["Sign in", "", "Forgot your password?", "", "This email address is not valid. Please check it and try again.", "",
            "Your password must contain at least eight characters and one number.", "", "Required fields *"]),
    ("de", ["Anmelden", "", "Passwort vergessen?", "", "Diese E-Mail-Adresse scheint nicht korrekt zu sein – sie muss ein @ "
            "beinhalten.", "", "Das Passwort muss mindestens 8 Zeichen lang sein und eine Zahl enthalten.", "",
            "Bitte fülle alle Pflichtfelder mit * aus."]),
])
def test_a_login_form_after_the_story_is_not_story(lang, form):
    article, decisions = clean_and_explain(page(lang, after=form))
    assert article.text == "\n\n".join(STORIES[lang][1])
    assert "nav.account-form" in {d.rule for d in decisions if not d.keep}


def test_a_bare_story_keeps_its_opening_line_and_offers_it_as_title():
    # Nothing on the page is chrome, metadata or a boundary: the short first line is
    # as likely the story's own as a headline, so it stays (and is the title guess).
    opening = "Forty new beds for the children of the valley"
    text = opening + "\n\n" + "\n\n".join(STORIES["en"][1]) + "\n"
    article = clean(text)
    assert article.text.startswith(opening + "\n\n" + STORIES["en"][1][0])
    assert article.title == opening


def test_the_same_opening_under_a_menu_is_read_as_the_headline():
    opening = "Forty new beds for the children of the valley"
    text = "\n".join(MENU) + "\n\n" + opening + "\n\n" + "\n\n".join(STORIES["en"][1]) + "\n"
    _, decisions = clean_and_explain(text)
    assert {d.text: d.rule for d in decisions}[opening] == "story.headline"


def test_a_short_dateline_paragraph_beside_the_story_stays():
    dateline = "RIVERTON — More soon."
    text = page("en", after=[dateline, "", "Share this article", "", "© 2024 Daily Courier"])
    article = clean(text)
    assert article.text.endswith(STORIES["en"][1][-1] + "\n\n" + dateline)
    assert "Share this" not in article.text


def test_a_heading_whose_paragraph_repeats_the_story_goes_with_it():
    paragraphs = [*STORIES["en"][1], *EXTRA]
    text = long_page(bottom=["Advertisement", "", "The bridge, again", "", *[p + "\n" for p in paragraphs]])
    article, decisions = clean_and_explain(text)
    assert article.text == "\n\n".join(paragraphs)
    assert [d.rule for d in decisions if d.text == paragraphs[0]] == ["", "story.repeat"]


def test_a_bare_text_keeps_its_weak_lines():
    # No rule takes any line out and none reads as chrome beyond doubt: the short
    # closing lines are the story's own, not a footer.
    lines = [*STORIES["en"][1], "A new start for the east bank", "Forty years of waiting"]
    text = "\n\n".join(lines) + "\n"
    assert clean(text).text == "\n\n".join(lines)


def test_a_summary_printed_again_as_the_lead_is_not_a_title_and_headline():
    summary = "The council approved a new bridge on Tuesday, ending a decade of debate."
    lines = [summary, *STORIES["en"][1][:2], "The council approved a new bridge on Tuesday, ending a decade of debate.",
             STORIES["en"][1][2]]
    text = "\n\n".join(lines) + "\n"
    _, decisions = clean_and_explain(text)
    assert "story.headline" not in {d.rule for d in decisions}


def _with_sections(headline, paragraphs, sections):
    lines = [f"{headline} | Daily Courier", "", "\n".join(MENU), "", headline, ""]
    for p in paragraphs:
        lines += [p, ""]
    for head, body in sections:
        lines += [head, "", body, ""]
    return "\n".join(lines + ["Share this article", "", "© 2024 Daily Courier"]) + "\n"


def test_subheadings_at_the_end_that_share_the_story_words_are_not_teasers():
    headline, paragraphs = STORIES["en"]
    sections = [
        ("What the bridge will cost", "The council expects the bridge to cost about 40 million dollars, and the state "
         "has promised to pay for a third of it if the council keeps the ferry running."),
        ("When the ferry stops", "The ferry across the river will stop the week the bridge opens, the mayor said, and "
         "its crew will be offered work on the council's other boats."),
    ]
    article = clean(_with_sections(headline, paragraphs, sections))
    assert article.text.endswith(sections[-1][1])


def test_subheadings_on_compound_words_are_not_teasers():
    headline = "Warum die Banane krumm ist"
    paragraphs = [
        "Die Banane wächst zuerst nach unten und dreht sich dann zum Licht, deshalb ist die Frucht krumm, wie "
        "Botaniker seit langem wissen.",
        "Im Handel werden Bananen nach Typen unterschieden, und die meisten Früchte im Supermarkt gehören zur "
        "Gruppe der großen Obstbananen aus Mittelamerika.",
        "Geerntet werden die Bananen grün, und erst in den Reifereien in Europa bekommen sie ihre gelbe Farbe, "
        "bevor sie in die Läden kommen.",
    ]
    sections = [
        ("Die Babybanane", "Babybananen sind kleine, süße Zwergbananen mit dünner Schale. Als Fingerbananen liegen "
         "sie im Laden oft neben den Kochbananen, und viele Kinder mögen sie lieber als die großen Früchte, weil sie "
         "so handlich sind."),
        ("Die Kochbanane", "Kochbananen sind stärkereiche Mehlbananen, die roh kaum schmecken. Gekocht, gebraten oder "
         "als Bananenchips sind sie in Afrika und Lateinamerika ein Grundnahrungsmittel, das man dort zu fast jeder "
         "Mahlzeit isst."),
    ]
    # Their words are the story's compounds ("Kochbananen", "Bananenchips"): on topic.
    article, decisions = clean_and_explain(_with_sections(headline, paragraphs, sections))
    assert "teaser.headline-summary" not in {d.rule for d in decisions}
    assert sections[0][1] in article.text


def test_short_plain_lines_inside_the_story_stay():
    # No rule marks them: a list in the story reads less like prose, not like chrome.
    items = ["Steel for the deck", "Concrete for the piers", "Lighting for the footpath", "Paint"]
    article = clean(long_page(middle=["The council listed what the money buys:", "", *items, ""]))
    assert all(item in article.text for item in items)
    assert article.text.endswith(EXTRA[1])


@pytest.mark.parametrize("caption", [
    "The old ferry leaves its landing on the east bank on Monday morning. (Photo: Jane Doe)",
    "Die alte Fähre legt am Montagmorgen am Ostufer ab. Foto: dpa",
    "The mayor speaks to residents after the vote on Tuesday night. Jason Kempin/Getty Images",
])
def test_a_photo_caption_inside_the_story_is_removed(caption):
    article = clean(long_page(middle=[caption, ""]))
    assert caption not in article.text
    assert article.text.endswith(EXTRA[1])


def test_the_title_line_alone_over_the_menus_is_not_story():
    # A title line that reads as prose (a question) stays the page's title when
    # chrome stands between it and the story.
    headline, paragraphs = STORIES["en"]
    text = ("Will the new bridge finally end a decade of debate over the river crossing?\n\n"
            "Share on Facebook\n\n" + page("en"))
    article = clean(text)
    assert article.text == "\n\n".join(paragraphs)


def test_a_long_question_opening_the_story_is_not_its_headline():
    question = ("Why is it that some towns get their bridges built within a few years, while others argue about "
                "the same crossing for a decade or more?")
    text = ("\n".join(MENU) + "\n\nShare on Facebook\n\nBy Jane Doe\n\n" + question + "\n\n"
            + "\n\n".join(STORIES["en"][1]) + "\n")
    article = clean(text)
    assert article.text.startswith(question)


@pytest.mark.parametrize("line", ["Footpath lighting X X 2027 4", "Railings and lighting for the footpath"])
def test_a_weak_line_closing_the_last_paragraph_group_stays(line):
    # No blank line parts it from the story's last paragraph (a table's last row,
    # a list's last item) and no rule marks it: weak evidence is not enough to cut it.
    text = long_page().rstrip("\n") + "\n" + line + "\n"
    article = clean(text)
    assert article.text.endswith(EXTRA[1] + "\n" + line)
    assert clean(article.text).text == article.text


def test_a_teaser_list_run_on_from_the_story_still_goes():
    teasers = ["Town budget passes after long night", "School reopens after flood repairs",
               "Ferry fares to rise in summer"]
    text = long_page().rstrip("\n") + "\nMore from the Courier\n" + "\n".join(teasers) + "\n"
    article = clean(text)
    assert article.text.endswith(EXTRA[1])


def test_a_headline_with_a_dash_of_its_own_is_found_whole():
    # "Headline – more | Site": the printed headline keeps its dash; a later
    # subheading that shares most of its words is not the headline.
    headline = "Council approves new bridge over the river – a decade ends"
    _, paragraphs = STORIES["en"]
    text = "\n".join([f"{headline} | Daily Courier", "", "\n".join(MENU), "", headline, "", "By Jane Doe", "",
                      paragraphs[0], "", "Council approves new bridge over the river: details", "",
                      paragraphs[1], "", paragraphs[2], ""])
    article = clean(text)
    assert article.text.startswith(paragraphs[0])
    assert article.title == headline


def test_a_tag_in_brackets_on_the_title_line_does_not_hide_the_headline():
    # "Headline [Werbung] - Blog": the headline is printed without the tag; the
    # title line's exact words come again only in the list of other posts below.
    _, paragraphs = STORIES["de"]
    headline = "Neue Brücke beschlossen"
    related = ["Das könnte dich auch interessieren", "Neue Fähre für das Ostufer [Werbung]",
               f"{headline} [Werbung]", "Winterfest auf dem Marktplatz"]
    text = "\n\n".join([f"{headline} [Werbung] - Stadtblog", "\n".join(MENU), headline, paragraphs[0],
                        "Kosten und Zeitplan", *paragraphs[1:], "\n".join(related)]) + "\n"
    article = clean(text)
    assert article.title == headline
    assert article.text.startswith(paragraphs[0])


def test_a_weak_paragraph_of_prose_opening_the_story_stays():
    # It says little of the story's subject, so it scores near zero; no rule marks
    # it and it reads as prose: when unsure, keep.
    lead = ("Local people reported seeing a flash of light and hearing a loud thud west of the town late on "
            "Monday.")
    headline, paragraphs = STORIES["en"]
    text = "\n\n".join([f"{headline} | Daily Courier", "\n".join(MENU), lead, *paragraphs, *EXTRA]) + "\n"
    article = clean(text)
    assert article.text.startswith(lead + "\n\n" + paragraphs[0])


def test_a_list_announced_by_a_colon_under_the_story_stays():
    ranks = ["1. Finland", "2. Norway", "3. Australia", "4. Canada", "5. Germany"]
    intro = "The towns with the most bridges per resident were as follows:"
    headline, paragraphs = STORIES["en"]
    text = "\n\n".join([f"{headline} | Daily Courier", "\n".join(MENU), headline, *paragraphs,
                        intro + "\n" + "\n".join(ranks), "Ferry fares to rise in summer\nTown budget passes"]) + "\n"
    article = clean(text)
    assert article.text.endswith(intro + "\n" + "\n".join(ranks))


def test_a_label_with_a_colon_under_the_story_does_not_bring_its_list():
    teasers = ["Ferry fares to rise in summer", "Town budget passes after long night"]
    headline, paragraphs = STORIES["en"]
    text = "\n\n".join([f"{headline} | Daily Courier", "\n".join(MENU), headline, *paragraphs,
                        "You might also be interested in:\n" + "\n".join(teasers)]) + "\n"
    article = clean(text)
    assert article.text.endswith(paragraphs[-1])


def test_a_weak_paragraph_of_prose_closing_the_story_stays():
    # Under the story, before its share bar: near zero, no rule against it.
    last = "Contributing: Jane Doe, John Roe and Mary Major of the Daily Courier staff."
    text = long_page(bottom=[last, "", "Share on Facebook", "", "Ferry fares to rise in summer",
                             "Town budget passes after long night", ""])
    article = clean(text)
    assert article.text.endswith(EXTRA[1] + "\n\n" + last)


def test_a_weak_subheading_and_its_paragraph_closing_the_story_stay(tmp_path):
    # A section heading that reads as chrome (here a pack weighs it down, as a repeat
    # of a contents list does) over a short paragraph that leans to story.
    pack = tmp_path / "headings.toml"
    pack.write_text('[[rules]]\nid = "acme.heading"\nkind = "chrome"\nweight = -2.0\n'
                    'description = "A heading the site also prints in its menus."\npattern = "what comes next"\n'
                    'examples.match = ["What comes next"]\n')
    head, last = "What comes next", "It is up to the state now, the mayor said."
    text = long_page(bottom=[head, "", last, "", "Share on Facebook", "", "Ferry fares to rise in summer",
                             "Town budget passes after long night", ""])
    assert Cleaner([pack]).clean(text).text.endswith(EXTRA[1] + "\n\n" + head + "\n\n" + last)


def test_a_weak_line_between_the_date_line_and_the_first_paragraph_opens_the_story():
    # Title case, figures, no full stop: it reads weakly, but a byline and date stand over it.
    lead = "Millbrook Bridge Fund Pays £38million To Eastbank Ferry Company In 2024 Deal"
    text = long_page().replace("March 5, 2024\n\n", "March 5, 2024\n\n" + lead + "\n\n", 1)
    assert clean(text).text.startswith(lead + "\n\n" + STORIES["en"][1][0])


def test_a_headline_over_its_byline_is_found_though_a_subheading_repeats_the_title_closer():
    # The headline says more than the title line; a subheading further down repeats it exactly.
    weak = ["Is there anything better than a walk across a bridge? Especially one that took ten years to get!",
            "Do you cross by ferry? By car? I don't know. Help!"]
    text = "\n".join(["Council Bridge Vote Plan | Daily Courier", "", "\n".join(MENU), "",
                      "New Council Bridge Vote Plan for the Town", "By Jane Doe March 5, 2024", "",
                      weak[0], "", weak[1], "", "THE COUNCIL BRIDGE VOTE PLAN", "",
                      *[p + "\n" for p in STORIES["en"][1]]])
    article = clean(text)
    assert article.title == "New Council Bridge Vote Plan for the Town"
    assert article.text.startswith(weak[0] + "\n\n" + weak[1] + "\n\nTHE COUNCIL BRIDGE VOTE PLAN")


def test_a_donation_plea_under_the_story_is_not_taken_as_its_last_paragraph():
    # As weak as the paragraph above, but a rule weighs against it.
    plea = "Your donation helps the Courier keep its reporting free for everyone."
    text = long_page(bottom=[plea, "", "Share on Facebook", ""])
    assert clean(text).text.endswith(EXTRA[1])


def test_an_announcement_in_its_own_paragraph_hands_on_to_the_next():
    ranks = ["1. Finland", "2. Norway", "3. Australia", "4. Canada", "5. Germany"]
    headline, paragraphs = STORIES["en"]
    first = "These were the towns on the list:"
    second = "The survey counted bridges per resident in each town and ranked them as follows:"
    text = "\n\n".join([f"{headline} | Daily Courier", "\n".join(MENU), headline, *paragraphs, first,
                        second + "\n" + "\n".join(ranks), "Ferry fares to rise in summer\nTown budget passes"]) + "\n"
    article = clean(text)
    assert article.text.endswith(first + "\n\n" + second + "\n" + "\n".join(ranks))
    assert clean(article.text).text == article.text


def test_a_sign_off_closing_the_story_stays():
    # Title-cased and over the page's footer it scores below zero, yet it is the
    # story's last line: prose right under the last paragraph, no rule against it.
    last = "In That Sense: So Long, and Thanks for All the Fish!"
    text = long_page(bottom=[last, "", "Jane Doe", "", "March 5, 2024", "", "Privacy policy · Imprint", ""])
    assert clean(text).text.endswith(EXTRA[1] + "\n\n" + last)


def test_a_line_under_a_related_label_is_no_sign_off():
    line = "Until Next Time: Stay Safe, Keep Reading and Thanks for All the Support!"
    text = long_page(bottom=["You may also like...", "", line, "", "Jane Doe", "", "Privacy policy · Imprint", ""])
    assert clean(text).text.endswith(EXTRA[1])


def test_quotes_credited_under_the_story_are_not_teasers():
    # A short line over prose on other words than the story's is a teaser's shape,
    # but a line opening with a dash credits the quote above it.
    headline, paragraphs = STORIES["en"]
    verdicts = [
        "From its hypnotic synths to its brooding melodies, the record takes you on a journey to the far reaches "
        "of electronic music.", "– Jane Roe, Music Editor",
        "Warm pads and restless drums carry a double single that any dance floor in any city would be glad to "
        "have this summer.", "– John Roe, Writer",
        "Glassy arpeggios and a patient, slow build make this the most assured release of a young career so far.",
        "– Mary Major, Writer",
    ]
    lines = [f"{headline} | Daily Courier", "\n".join(MENU), headline, *paragraphs, *verdicts,
             "Share this article", "© 2024 Daily Courier"]
    article = clean("\n\n".join(lines) + "\n")
    assert verdicts[2] in article.text and verdicts[4] in article.text


def test_two_sentences_ending_in_a_question_or_exclamation_are_no_headline():
    # No line repeats the title line; the short line over the byline is the headline,
    # the question and answer under it the story's first paragraph.
    opening = "Forgot how variables work again? Here is an excerpt from our course material!"
    body = ("Variables are no problem for you? Then see whether you can solve our little puzzle about boxes, "
            "labels and the values kept in them before the bell rings!")
    text = "\n\n".join(["CodeKids | Computer courses for primary schools", "\n".join(MENU),
                        "Variables and where they live", "11.12.2019 - Jane Doe", opening, body,
                        "Copyright © CodeKids"]) + "\n"
    article = clean(text)
    assert article.text.startswith(opening)
    assert article.title == "Variables and where they live"


def test_an_announcement_in_its_own_paragraph_brings_the_list_under_it():
    # Weak lines without full stops, set apart from the line announcing them.
    headline, paragraphs = STORIES["en"]
    intro = "The residents who spoke at the meeting asked the council for three things:"
    wishes = ["A footpath on both sides of the bridge and a lane for bicycles",
              "Lower tolls for the people who live on the east bank of the river",
              "A ferry that keeps running until the day the bridge opens"]
    text = "\n\n".join([f"{headline} | Daily Courier", "\n".join(MENU), headline, *paragraphs, intro,
                        "\n".join(wishes), "Share this article", "© 2024 Daily Courier"]) + "\n"
    assert clean(text).text.endswith(intro + "\n\n" + "\n".join(wishes))


def test_steps_divided_by_a_recurring_furniture_line_go_on_to_the_last():
    # The last steps are short and score weakly, but the same image button that
    # divides the steps inside the story still divides them under it.
    intro = ("This light sponge with fresh strawberries and whipped cream is the cake of the summer, and it is "
             "much easier to make than it looks, even for a beginner in the kitchen.")
    steps = [
        "Heat the oven to 180 degrees and butter a round tin of about 26 centimetres across. If you have no "
        "round tin, a square one will do as well, but the sponge will then be a little thinner and bake faster.",
        "Beat the eggs with the sugar for five minutes until the mixture is pale and thick. This is the step "
        "that makes the sponge light, so do not stop too early, and use a mixer if you have one at hand.",
        "Fold in the flour and the baking powder and pour the batter into the buttered tin. Fold it in gently "
        "with a spatula so that the air you have just beaten into the eggs stays in the batter.",
        "Bake the sponge for 25 minutes, then leave it to cool in the tin on a rack. It has to be cold before "
        "you cut it, or the cream will melt and run down the sides of the cake.",
        "Wash 250 g strawberries and cut them into small cubes.",
        "Whip 600 g cream with the gelatine until it is stiff.",
        "Spread the cream on the cake and top it with the strawberries.",
    ]
    lines = ["Strawberry cream cake | Baking Corner", "\n".join(MENU), "Strawberry cream cake", intro]
    for n, step in enumerate(steps, 1):
        lines += [f"Step {n} of {len(steps)}", step, "View full image"]
    lines += ["More recipes", "Lemon tart\nApple crumble\nCherry pie", "© 2024 Baking Corner"]
    article = clean("\n\n".join(lines) + "\n")
    assert article.text.startswith(intro)
    assert article.text.endswith(steps[-1])
    assert "View full image" not in article.text and "More recipes" not in article.text


def test_the_stories_own_teaser_above_the_headline_does_not_open_the_story():
    # Strong prose above the headline is a lead printed before a repeated title,
    # unless it starts with the headline: then it is a teaser for the story itself.
    from cleaner.score import Evidence
    from cleaner.segment import Block
    from cleaner.select import select

    headline, paragraphs = STORIES["en"]
    texts = [TEASERS["en"][1] + " " + TEASERS["en"][2], headline + " " + paragraphs[0], headline, *paragraphs]
    evidence = []
    for i, (text, score) in enumerate(zip(texts, (1.0, 3.4, -0.5, 3.0, 3.0, 3.0))):
        ev = Evidence(block=Block(i, text, i, i + 1), words=len(text.split()), tokens=text.lower().split(),
                      text=text, stop=0.4, punct_end=text.endswith("."), stops=frozenset())
        ev.score = score
        evidence.append(ev)
    selection = select(evidence, 2, (), bare_is_story=False)
    assert selection.start == 3 and [d.index for d in selection.kept()] == [3, 4, 5]
    # A lead that does not repeat the headline still opens the story above it.
    lead = Evidence(block=Block(1, paragraphs[2], 1, 2), words=len(paragraphs[2].split()),
                    tokens=paragraphs[2].lower().split(), text=paragraphs[2], stop=0.4, punct_end=True,
                    stops=frozenset())
    lead.score = 3.4
    evidence[1] = lead
    assert select(evidence, 2, (), bare_is_story=False).start < 2


@pytest.mark.parametrize("line, kept", [
    # Under the share bar, lines the evidence leaves in doubt: recall keeps them, precision drops
    # the story's own weak last line, and each leaning keeps what a stronger one keeps.
    ("This story has been updated with comment from the ferry operator.", {"recall"}),
    ("Residents can see the plans at the town library until the end of the month.", {"balanced", "recall"}),
])
def test_favor_moves_the_line_between_story_and_chrome(line, kept):
    text = long_page(bottom=["Share on Facebook", "", line, "", "Ferry fares to rise in summer",
                             "Town budget passes after long night", ""])
    stories = {favor: Cleaner(favor=favor).clean(text).text for favor in ("precision", "balanced", "recall")}
    assert {favor for favor, story in stories.items() if line in story} == kept
    assert all(story.startswith(STORIES["en"][1][0]) for story in stories.values())


def test_precision_drops_a_weak_closing_line_the_balanced_cleaner_keeps():
    last = "Contributing: Jane Doe, John Roe and Mary Major of the Daily Courier staff."
    text = long_page(bottom=[last, "", "Share on Facebook", "", "Ferry fares to rise in summer",
                             "Town budget passes after long night", ""])
    assert clean(text).text.endswith(last)
    assert clean(text, favor="precision").text.endswith(EXTRA[1])


def test_favor_is_checked():
    with pytest.raises(ValueError, match="favor must be one of"):
        Cleaner(favor="more")


@pytest.mark.parametrize("label", ["Contents", "Inhaltsverzeichnis", "Sommaire"])
def test_a_table_of_contents_leaves_the_story(label):
    # Numbered section names whose sections follow under the same names.
    headline, paragraphs = STORIES["en"]
    intro = ("The bridge over the river has been argued over for a decade; this is how the town got "
             "from the first plan to the vote, what it will cost and what happens to the ferry.")
    sections = ["The vote", "The cost", "The ferry"]
    body = [f"{name}\n\n{para}" for name, para in zip(sections, paragraphs)]
    text = "\n\n".join([f"{headline} | Daily Courier", "\n".join(MENU), headline, intro, label,
                        "\n".join(f"{n} {name}" for n, name in enumerate(sections, 1)), *body]) + "\n"
    article, decisions = clean_and_explain(text)
    assert article.text == "\n\n".join([intro, *body])
    assert {d.rule for d in decisions if d.text in (label, "1 The vote")} == {"story.contents"}
