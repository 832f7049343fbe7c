# Der Deck-Editor: /new und /edit/{id}.
editor-page-title-new = Neue Präsentation · Tally
editor-page-title-edit = Deck bearbeiten · Tally
editor-heading-new = Neue Präsentation
editor-heading-edit = Deck bearbeiten
editor-home = Alle Präsentationen
editor-start = Beginnen mit
editor-toolbar = Aktionen für das Deck

## Ein Deck beginnen
editor-start-blank = Leer
editor-start-blank-hint = Eine leere Folie: Sie bauen das Deck selbst.
editor-start-blank-button = Leer beginnen
editor-start-template = Vorlage
editor-template-slides = { $n ->
    [one] { $n } Folie
   *[other] { $n } Folien
}
editor-template-icebreaker = Eisbrecher
editor-template-quiz = Kurzes Quiz
editor-template-retrospective = Retrospektive
editor-template-event-feedback = Feedback zur Veranstaltung
editor-start-outline = Gliederung
editor-outline-label = Gliederung einfügen
editor-outline-hint = Markdown: eine Überschrift je Frage (# …), ihre Optionen als Aufzählung (- …); eine Quiz-Antwort mit - [x] markieren. Oder CSV: eine Frage je Zeile, ihre Optionen in den folgenden Zellen.
editor-outline-placeholder = # Wo treffen wir uns als Nächstes?
    - Berlin
    - Lissabon
editor-outline-read = Gliederung einlesen
editor-outline-file = .md- oder .csv-Datei wählen
editor-outline-empty = Fügen Sie zuerst eine Gliederung ein oder wählen Sie eine Datei.
editor-outline-refused-at = Frage { $n } der Gliederung konnte nicht gelesen werden. Prüfen Sie ihre Überschrift und Aufzählung.
editor-start-file = Deck-Datei
editor-start-file-hint = Eine aus Tally exportierte .json-Datei. Sie wird eine neue Präsentation mit eigenem Beitrittscode.
editor-start-file-button = Deck-Datei wählen
editor-file-not-json = Diese Datei ist keine Deck-Datei: Sie enthält kein JSON.
editor-file-refused-at = Folie { $n } dieser Datei wurde abgelehnt: { $reason }
editor-start-again = Neu beginnen

## Die Leiste
editor-deck-title = Titel der Präsentation
editor-deck-title-placeholder = Erscheint auf den Handys und der Leinwand
editor-filter = Schimpfwortfilter für Publikumstexte
editor-filter-off = Aus
editor-filter-standard = Standard
editor-filter-strict = Streng
editor-undo = Rückgängig
editor-redo = Wiederholen
editor-save = Speichern
editor-create = Präsentation erstellen
editor-console = Konsole
editor-export = Datei exportieren
editor-duplicate-deck = Deck duplizieren
editor-dismiss = Schließen
editor-status-new = Noch nicht erstellt · Entwurf in diesem Browser gesichert
editor-status-unsaved = Ungespeicherte Änderungen · Entwurf in diesem Browser gesichert
editor-status-saved = Alles gespeichert (Version { $revision })
editor-status-busy = Einen Moment…
editor-shortcuts = Tastenkürzel: Strg+Z rückgängig, Strg+Umschalt+Z wiederholen, Strg+S speichern, Alt+↑/↓ verschiebt die gewählte Folie, Eingabe in einer Option fügt die nächste hinzu. Ein Deck hat bis zu { $max } Folien.
editor-undone = Rückgängig gemacht.
editor-redone = Wiederhergestellt.

## Die Folienliste
editor-slides = { $n ->
    [one] { $n } Folie
   *[other] { $n } Folien
}
editor-slides-help = Ziehen Sie eine Folie am Griff, oder drücken Sie Alt+↑ bzw. Alt+↓, um sie zu verschieben.
editor-add-slide = + Folie
editor-drag = Zum Verschieben ziehen
editor-untitled = (noch keine Frage)
editor-on-screen = Auf der Leinwand
editor-slide-problems = { $n ->
    [one] { $n } Problem
   *[other] { $n } Probleme
}
editor-moved = Folie { $from } an Position { $to } von { $total } verschoben.
editor-added = Folie { $n } hinzugefügt.
editor-duplicated = Folie { $n } als Folie { $to } dupliziert.
editor-deleted = Folie { $n } gelöscht. Strg+Z holt sie zurück.

## Das Formular der Folie
editor-slide-of = Folie { $n } von { $total }
editor-round = Runde { $n }
editor-move-up = ↑ Hoch
editor-move-down = ↓ Runter
editor-move-up-label = Folie { $n } nach oben
editor-move-down-label = Folie { $n } nach unten
editor-duplicate-slide = Duplizieren
editor-delete-slide = Löschen
editor-live-hint = Textänderungen sind sicher, während abgestimmt wird. Eine Option entfernen oder Typ oder Regeln einer Folie mit Stimmen ändern beginnt eine neue Runde.
editor-question = Frage
editor-count = { $n } von { $max } Zeichen
editor-image = Bild neben der Frage
editor-image-add = Bild hinzufügen (PNG, JPEG, WebP oder GIF)
editor-image-alt = Bild beschreiben
editor-image-alt-hint = Wird Menschen vorgelesen, die es nicht sehen. Pflichtfeld, bis zu { $max } Zeichen.
editor-image-remove = Bild entfernen
editor-image-after-create = Bilder können hinzugefügt werden, sobald die Präsentation erstellt ist.
editor-type = Folientyp
editor-type-single = Einfachauswahl
editor-type-multiple = Mehrfachauswahl
editor-type-scale = Bewertungsskala
editor-type-ranking = Rangfolge
editor-type-points = 100 Punkte
editor-type-wordcloud = Wortwolke
editor-type-open = Freitext
editor-type-quiz = Quiz
editor-type-qa = Fragen & Antworten
editor-type-content = Inhaltsfolie
editor-heading = Überschrift
editor-body = Text
editor-body-hint = Absätze (durch eine Leerzeile getrennt), **fett**, *kursiv* und Listen (- oder 1.). Keine Links, kein HTML, keine Überschriften.
editor-err-body-long = Der Text hat { $n } Zeichen; eine Folie fasst höchstens { $max }.
editor-err-body-html = HTML wird auf einer Folie nicht angezeigt: Schreiben Sie einfachen Text, mit **fett**, *kursiv* oder Listen.
editor-err-body-link = Links werden auf einer Folie nicht angezeigt: Schreiben Sie die Adresse als Text.
editor-err-body-heading = Die Überschrift der Folie hat ihr eigenes Feld: Entfernen Sie das # am Zeilenanfang.
editor-options = Optionen
editor-statements = Aussagen zum Bewerten
editor-options-hint = { $n } von { $max } Optionen. Eingabe in einer Option fügt die nächste hinzu, Alt+↑ oder Alt+↓ verschiebt sie.
editor-option-moved = Option { $from } an Position { $to } von { $total } verschoben.
editor-option-n = Option { $n }
editor-statement-n = Aussage { $n }
editor-correct = Richtig
editor-remove-option = Option { $n } entfernen
editor-add-option = + Option
editor-add-statement = + Aussage
editor-no-options-wordcloud = Das Publikum schickt Wörter; die Leinwand zeigt sie als Wolke. Ihre Optionen bleiben erhalten, wenn Sie zurückwechseln.
editor-no-options-open = Das Publikum schreibt eine Antwort; die Leinwand zeigt sie als Karten. Ihre Optionen bleiben erhalten, wenn Sie zurückwechseln.
editor-no-options-qa = Das Publikum stellt Fragen und stimmt für sie. Ihre Optionen bleiben erhalten, wenn Sie zurückwechseln.
editor-settings = Einstellungen dieser Folie
editor-default = Leer: { $value }
editor-min-choices = Wenigste Auswahlen
editor-max-choices = Meiste Auswahlen
editor-scale-min = Skala von
editor-scale-max = Skala bis
editor-scale-min-label = Beschriftung des niedrigsten Werts
editor-scale-max-label = Beschriftung des höchsten Werts
editor-points-budget = Zu verteilende Punkte
editor-max-entries = Wörter pro Person
editor-max-length = Zeichen pro Eintrag
editor-quiz-points = Punkte für eine richtige Antwort
editor-timer = Timer in Sekunden (leer: keiner)
editor-allow-change = Stimmen dürfen geändert werden
editor-results-after-vote = Handys zeigen Ergebnisse erst nach der Stimmabgabe
editor-moderated = Einträge erst nach meiner Freigabe zeigen
editor-notes = Notizen für Vortragende
editor-notes-hint = Nur Sie sehen sie, in der Konsole.

## Fehler neben den Feldern und die Übersicht
editor-summary = { $n ->
    [one] Es gibt ein Problem
   *[other] Es gibt { $n } Probleme
}
editor-summary-item = Folie { $n }: { $text }
editor-err-question-empty = Geben Sie eine Frage ein.
editor-err-question-long = Kürzen Sie die Frage auf höchstens { $max } Zeichen (sie hat { $n }).
editor-err-option-empty = Geben Sie den Text von Option { $n } ein oder entfernen Sie sie.
editor-err-option-long = Kürzen Sie Option { $n } auf höchstens { $max } Zeichen (sie hat { $count }).
editor-err-option-same = Option { $n } ist gleich Option { $other }: Das Publikum könnte sie nicht unterscheiden.
editor-err-options-many = Geben Sie höchstens { $max } Optionen ein (diese Folie hat { $n }).
editor-err-scale-text = Die Aussagen haben { $chars } Zeichen; eine Bewertungsskala darf insgesamt höchstens { $limit } haben, damit die Leinwand jede Aussage zeigen kann. Kürzen Sie sie oder teilen Sie die Folie.
editor-err-number-range = Geben Sie eine ganze Zahl von { $min } bis { $max } ein oder lassen Sie das Feld leer.
editor-err-whole-number = Geben Sie eine ganze Zahl ein.
editor-err-choices-order = Die wenigsten Auswahlen ({ $min }) dürfen nicht mehr sein als die meisten ({ $max }).
editor-err-scale-order = Die Skala muss aufsteigen: „bis“ ({ $max }) muss größer sein als „von“ ({ $min }).
editor-err-scale-span = Eine Skala umfasst höchstens { $max } Schritte.
editor-err-correct-none = Markieren Sie mindestens eine Option als richtig.
editor-err-correct-count = Markieren Sie { $min } bis { $max } richtige Optionen (jetzt { $count }) oder ändern Sie die Zahl der Auswahlen.
editor-err-notes-long = Kürzen Sie die Notizen auf höchstens { $max } Zeichen (sie haben { $n }).
editor-err-title-long = Kürzen Sie den Titel auf höchstens { $max } Zeichen (er hat { $n }).
editor-err-alt-empty = Beschreiben Sie das Bild für Menschen, die es nicht sehen.
editor-err-alt-long = Kürzen Sie die Beschreibung auf höchstens { $max } Zeichen (sie hat { $n }).
editor-err-no-slides = Fügen Sie mindestens eine Folie hinzu.
editor-err-slides-many = Ein Deck hat höchstens { $max } Folien (dieses hat { $n }).

## Speichern
editor-saving = Wird gespeichert…
editor-creating = Die Präsentation wird erstellt…
editor-saved = Gespeichert. Handys und Leinwand zeigen die Änderung jetzt.
editor-refused = Tally hat das Deck abgelehnt: { $reason }
editor-stale = Jemand anderes hat dieses Deck gespeichert (jetzt Version { $revision }), seit Sie es geöffnet haben. Ihre Änderungen sind nicht gespeichert, und nichts von den anderen wurde überschrieben. Laden Sie deren Version und machen Sie Ihre Änderung erneut: Strg+Z holt Ihre zum Abschreiben zurück.
editor-changed-elsewhere = Jemand anderes hat dieses Deck gerade gespeichert (Version { $revision }). Ihre ungespeicherten Änderungen würden die anderen nicht ersetzen: Laden Sie deren Version und machen Sie Ihre Änderung erneut.
editor-updated-elsewhere = Auf Version { $revision } aktualisiert, anderswo gespeichert.
editor-load-latest = Neueste Version laden
editor-reloaded = Das ist die neueste Version ({ $revision }). Strg+Z zeigt Ihre Änderungen wieder.
editor-has-votes = Folie { $slide } hat in dieser Runde schon Stimmen, und { $what } würde ändern, was diese Stimmen bedeuten. Beginnen Sie dafür eine neue Runde: Die bisherigen Stimmen bleiben unter der alten Runde erhalten, und die Folie zählt von null.
editor-edit-option_removed = „{ $option }“ zu entfernen
editor-edit-type = ihren Typ zu ändern
editor-edit-rules = ihre Regeln zu ändern (Auswahlen, Skala, Punkte oder richtige Antworten)
editor-edit-other = diese Änderung
editor-new-round = Neue Runde beginnen und speichern
editor-cannot-remove = Folie { $slide } hat Stimmen und kann daher nicht gelöscht werden: Ihre Ergebnisse gingen verloren. Machen Sie das Löschen rückgängig oder zeigen Sie die Folie einfach nicht.
editor-cannot-change = Folie { $slide } hat Fragen aus dem Publikum, daher kann sich ihr Typ nicht ändern. Machen Sie die Änderung rückgängig oder fügen Sie eine neue Folie hinzu.
editor-on-screen-refused = Eine gelöschte Folie ist gerade auf der Leinwand (Folie { $slide }). Wechseln Sie zuerst in der Konsole zu einer anderen Folie oder machen Sie das Löschen rückgängig.
editor-draft-restored = Ihre ungespeicherten Änderungen von { $when } sind wieder da.
editor-discard-draft = Verwerfen
editor-exported = Die Deck-Datei ist heruntergeladen.
editor-exported-unsaved = Die Deck-Datei ist heruntergeladen, mit Ihren ungespeicherten Änderungen.
editor-copy-title = Kopie von { $title }
editor-duplicated-deck = Eine Kopie dieses Decks wurde erstellt, mit dem Beitrittscode { $code }.
editor-duplicated-deck-unsaved = Eine Kopie des gespeicherten Decks wurde erstellt, mit dem Beitrittscode { $code }. Ihre ungespeicherten Änderungen sind nur hier.
editor-open-copy = Kopie öffnen

## Die Vorschau
editor-preview = Vorschau
editor-pv-phone = Handy
editor-pv-screen = Leinwand
editor-pv-phone-label = So sieht Folie { $n } auf einem Handy aus
editor-pv-screen-label = So sieht Folie { $n } auf der Leinwand aus
editor-pv-live = Live
editor-pv-slide = Folie { $n } von { $total }
editor-pv-vote = Abstimmen
editor-pv-send = Senden
editor-pv-word = Wort { $n }
editor-pv-answer = Ihre Antwort
editor-pv-ask = Eine Frage stellen
editor-pv-points-left = { $n } Punkte zu verteilen
editor-pv-join = Unter dieser Adresse mit dem Code teilnehmen
editor-pv-timer = { $n } s
editor-pv-more = { $n } weitere
editor-pv-cloud = Hier erscheinen die Wörter, sobald sie eintreffen
editor-pv-answers = Hier erscheinen die Antworten als Karten
editor-pv-questions = Hier erscheinen die Fragen, die meisten Stimmen zuerst
