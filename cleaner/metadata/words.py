"""Word tables for reading metadata, kept apart from the logic that uses them.

Lower-case; matched against lower-cased text. Languages: those of the corpora
the cleaner is measured on (en, de, fr, es, it, pt, pl, nl, cs, nordic) and a
few more where the word is cheap to add.
"""

from __future__ import annotations

# Words that introduce a byline: "By Jane Doe", "Von Max Muster", "Autor: ...".
# Longer forms first: the pattern builder keeps this order.
BYLINE_PREFIXES = (
    "written by", "words by", "reporting by", "reported by", "posted by", "published by",
    "story by", "text by", "article by", "compiled by", "edited by",
    "veröffentlicht von", "geschrieben von", "erstellt von", "gespeichert von", "verfasst von",
    "ein beitrag von", "ein artikel von", "beitrag von", "blog beitrag von", "artikel von", "text von",
    "publié par", "écrit par", "rédigé par", "un article de",
    "publicado por", "escrito por", "redactado por",
    "pubblicato da", "scritto da",
    "napisał", "napisała", "autorzy", "autor", "autorin", "autoren", "autore", "autora", "autori",
    "auteur", "auteurs", "author", "authors", "byline", "text", "texte", "texto", "testo", "tekst",
    "words", "reporter", "redaktion", "redakteur", "redakteurin",
    "by", "von", "vom", "par", "por", "di", "door", "av", "af", "od",
)
# Prefixes that need a colon after them to count ("Text: Jane Doe", not "Text of the law").
PREFIX_NEEDS_COLON = frozenset({
    "autorzy", "text", "texte", "texto", "testo", "tekst", "words", "reporter", "redaktion",
    "redakteur", "redakteurin", "byline", "autori",
})
# Prefixes that are ordinary words of running text; a byline must start with them.
PREFIX_AMBIGUOUS = frozenset({"von", "vom", "di", "door", "av", "af", "od", "par", "por", "by"})

# Joins between names in a byline.
NAME_JOINERS = frozenset({"and", "und", "et", "y", "e", "i", "&", "sowie", "en", "og", "och", "oraz", "a"})
# Lower-case particles inside names: "Ursula von der Leyen", "Verónica de Vita".
NAME_PARTICLES = frozenset({
    "von", "van", "der", "den", "de", "da", "das", "dos", "do", "del", "della", "di", "du", "le",
    "la", "ter", "ten", "zu", "zur", "bin", "ibn", "al", "el", "y", "mc", "af", "d'",
})
# Words that end a byline's names: what follows is a date, a place or a role.
BYLINE_STOPPERS = frozenset({
    "on", "am", "le", "el", "il", "at", "um", "à", "a", "in", "im", "for", "für", "pour", "para",
    "per", "updated", "published", "posted", "aktualisiert", "veröffentlicht", "kategorien",
    "category", "categories", "filed", "tags", "photos", "photo", "fotos", "foto", "bilder",
    "bild", "leave", "comments", "kommentare", "kommentar", "min", "minutes", "minuten", "read",
    "lesezeit", "|",
})

# Words of page furniture that are capitalised like names but are not names.
NOT_NAMES = frozenset({
    "share", "shares", "follow", "following", "comment", "comments", "reply", "print", "email",
    "e-mail", "home", "news", "menu", "login", "subscribe", "newsletter", "advertisement", "anzeige",
    "werbung", "teilen", "drucken", "kommentare", "kommentar", "startseite", "suche", "search",
    "facebook", "twitter", "whatsapp", "linkedin", "instagram", "pinterest", "telegram", "xing",
    "youtube", "tiktok", "reddit", "mail", "rss", "more", "mehr", "alle", "artikel", "article",
    "articles", "profile", "profil", "view", "video", "videos", "audio", "podcast", "live", "top",
    "partager", "compartir", "condividi", "udostępnij", "imprimer", "abonnez", "newsletters",
    "update", "updated", "published", "posted", "veröffentlicht", "aktualisiert", "lesezeit",
    "read", "min", "minutes", "photo", "photos", "foto", "fotos", "bild", "bilder", "image",
    "images", "credit", "getty", "gettyimages", "imago", "istock", "shutterstock", "dpa",
    "copyright", "quelle", "source", "fuente", "source:", "staff", "team", "editor", "editors",
    "redaktion", "redakteur", "author", "autor", "autorin", "about", "über", "contact", "kontakt",
    "impressum", "datenschutz", "privacy", "cookies", "sign", "register", "account", "premium",
    "plus", "abo", "jetzt", "hier", "here", "click", "weiterlesen", "lesen", "continue",
    "rezepte", "recipe", "recipes", "jump", "skip", "main", "content", "inhalt", "overview",
    "übersicht", "themen", "topics", "tags", "ressort", "section", "rubrik", "category",
    "kategorie", "allgemein", "aktuelles", "aktuell", "meldungen", "pressemitteilung", "press",
    "release", "blog", "magazin", "magazine", "ratgeber", "sport", "politik", "wirtschaft",
    "kultur", "panorama", "leben", "wissen", "gesundheit", "reise", "auto", "digital", "technik",
    "business", "tech", "science", "world", "opinion", "meinung", "kommentieren", "zurück",
    "back", "next", "previous", "weiter", "vorheriger", "nächster", "related", "ähnliche",
    "empfohlen", "trending", "popular", "beliebt", "neueste", "latest", "breaking", "exklusiv",
    "exclusive", "interview", "review", "test", "tests", "guide", "deals", "shop", "buch",
    "book", "books", "film", "music", "musik", "essen", "trinken", "lifestyle", "beauty",
    "fashion", "mode", "travel", "reisen", "food", "health", "home", "garden", "garten",
    # kickers and labels of a story's parts
    "report", "reports", "analysis", "earnings", "markets", "points", "takeaways", "highlights",
    "summary", "explainer", "factbox", "bericht", "analyse", "hintergrund", "überblick",
})

# Labels that say a date is the first publication, or a later update.
PUBLISHED_LABELS = (
    "published", "publish date", "posted", "created", "online", "first published", "originally published",
    "date", "datum", "erstellt", "veröffentlicht", "veröffentlichung", "publiziert", "erschienen",
    "publié", "publication", "mis en ligne", "publicado", "publicación", "fecha", "pubblicato",
    "pubblicazione", "data", "opublikowano", "publikacja", "gepubliceerd", "geplaatst", "publicerad",
    "publisert", "udgivet", "vydáno", "publikováno",
)
UPDATED_LABELS = (
    "updated", "update", "last updated", "last modified", "modified", "edited", "revised",
    "aktualisiert", "zuletzt aktualisiert", "aktualisierung", "letzte aktualisierung", "geändert",
    "zuletzt geändert", "letzte änderung", "stand",
    "mis à jour", "mise à jour", "modifié", "actualizado", "actualización", "modificado",
    "aggiornato", "aggiornamento", "modificato", "zaktualizowano", "aktualizacja", "bijgewerkt",
    "gewijzigd", "uppdaterad", "oppdatert", "opdateret", "aktualizováno", "atualizado",
)

# Labels that say a date is an event's, not the page's: "Termin: 21.02.2020, 19 Uhr".
EVENT_LABELS = (
    "termin", "termine", "veranstaltungsdatum", "veranstaltung", "event date", "event", "events",
    "date de l'événement", "événement", "fecha del evento", "evento", "data dell'evento",
    "data do evento", "data wydarzenia", "wydarzenie", "termin wydarzenia", "datum evenement",
    "evenement", "дата проведения", "мероприятие", "anmeldeschluss", "einsendeschluss",
    "deadline", "date limite", "fecha límite", "scadenza",
)

# News agencies as they sign stories, in their usual spelling.
AGENCIES = (
    "The Canadian Press", "Canadian Press", "Associated Press", "Reuters", "Thomson Reuters",
    "Agence France-Presse", "AFP", "AP", "dpa", "Deutsche Presse-Agentur", "Bloomberg", "UPI",
    "ANSA", "EFE", "Europa Press", "KNA", "epd", "APA", "SDA", "Keystone-SDA", "PAP", "TASS",
    "Xinhua", "Kyodo", "Jiji Press", "JIJI", "Yonhap", "PTI", "IANS", "AAP", "Belga", "ANP",
    "NTB", "Ritzau", "STT", "ČTK", "CTK", "MTI", "Anadolu", "Anadolu Agency", "Agencia EFE",
    "Notimex", "Télam", "Lusa", "Agência Brasil", "SID", "AP Photo", "CNA", "Bernama", "Antara",
    "Press Association", "PA", "PA Media", "Agenzia Nova", "Adnkronos", "RIA Novosti", "Interfax",
    "Ukrinform", "BTA", "HINA", "STA", "Tanjug", "Sputnik", "KCNA", "AA", "DHA", "IRNA",
)

# Weekdays, full and short, as bylines print them before a date.
WEEKDAYS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so
lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim
lunes martes miércoles miercoles jueves viernes sábado sabado domingo
lunedì martedì mercoledì giovedì venerdì sabato domenica
segunda terça quarta quinta sexta sábado domingo segunda-feira terça-feira quarta-feira quinta-feira sexta-feira
poniedziałek wtorek środa czwartek piątek sobota niedziela
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
pondělí úterý středa čtvrtek pátek sobota neděle
måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag
""".split())
