# Die Moderationskonsole (js/console.js und js/console/*.js).
console-page-title = Moderationskonsole · Tally
console-title = Moderationskonsole
console-role-cohost = Co-Moderation
console-role-moderator = Moderation
console-nav = Links der Konsole
console-open-screen = Großbildschirm öffnen
console-all = Alle Präsentationen
console-moderator-note = Sie moderieren die Texte des Publikums: Einsendungen ausblenden oder freigeben, Fragen anheften und als beantwortet markieren. Die Folien steuert die präsentierende Person.
console-load-failed = Die Präsentation konnte nicht geladen werden: { $reason }
console-screen-only = Dieser Link öffnet nur den Großbildschirm: Mit ihm lässt sich die Präsentation weder steuern noch moderieren.
console-deleted = Diese Präsentation wurde gelöscht.
console-failed = { $action }: { $reason }

console-join = Teilnehmen unter { $url }
console-join-code = Teilnahmecode { $code }
console-audience-unknown = Publikum: –
console-audience = { $count ->
    [one] { $count } gerade auf der Live-Seite
   *[other] { $count } gerade auf der Live-Seite
}
console-conn-live = Live
console-conn = Folien: { $slides } · Ergebnisse: { $results }
console-status-connecting = verbindet
console-status-live = live
console-status-reconnecting = verbindet neu
console-status-offline = offline
console-status-deleted = gelöscht

console-on-screen = Auf dem Bildschirm
console-no-poll = Keine Umfrage auf dem Bildschirm.
console-slide-meta = Folie { $number } von { $count } · { $type } · Runde { $round }
console-slide-meta-content = Folie { $number } von { $count } · { $type }
console-voting-open = Abstimmung offen
console-voting-closed = Abstimmung geschlossen
console-results-shown = Ergebnisse sichtbar
console-results-hidden = Ergebnisse verborgen
console-results-held = Ergebnisse erscheinen nach Abstimmungsschluss
console-results = Ergebnisse
console-waiting-votes = Warten auf die ersten Stimmen …
console-participants = { $count ->
    [one] { $count } Teilnehmer:in
   *[other] { $count } Teilnehmende
}
console-time-left = noch { $time }
console-time-up = Die Zeit ist um
console-type-single = Einfachauswahl
console-type-multiple = Mehrfachauswahl
console-type-quiz = Quiz
console-type-scale = Skala
console-type-ranking = Rangfolge
console-type-points = Punkte
console-type-wordcloud = Wortwolke
console-type-open = Freitext
console-type-qa = Fragen & Antworten
console-type-content = Inhaltsfolie
console-content-note = Inhaltsfolie: Das Publikum liest sie, es gibt nichts zu beantworten
console-content-results = Eine Inhaltsfolie nimmt keine Antworten an.

console-run = Die Präsentation steuern
console-next = Weiter →
console-previous = ← Zurück
console-goto = Gehe zu
console-next-meta = Als Nächstes: Folie { $number } · { $type }
console-next-none = Das ist die letzte Folie.
console-more-options = { $count ->
    [one] und { $count } weitere Option
   *[other] und { $count } weitere Optionen
}
console-open-voting = Abstimmung öffnen
console-close-voting = Abstimmung schließen
console-show-results = Ergebnisse zeigen
console-hide-results = Ergebnisse verbergen
console-hold = Ergebnisse bis zum Abstimmungsschluss verbergen
console-hold-hint = Für die ganze Veranstaltung: Der Saal sieht Ergebnisse erst nach Abstimmungsschluss.
console-timer-seconds = Timer (Sekunden)
console-timer-start = Starten oder verlängern
console-timer-stop = Stopp
console-reset = Runde zurücksetzen
console-reset-confirm = Runde { $round } dieser Umfrage beginnen? Ihre Ergebnisse beginnen bei null; frühere Runden bleiben unter „Frühere Runden“ lesbar.
console-keys = Tasten
console-key-next = nächste Folie
console-key-previous = vorige Folie
console-key-space-name = Leertaste
console-key-voting = Abstimmung öffnen oder schließen
console-key-results = Ergebnisse zeigen oder verbergen
console-keys-note = Die Tasten wirken auch, wenn ein Knopf den Fokus hat (Eingabe drückt ihn).

console-action-next = Weiter
console-action-previous = Zurück
console-action-goto = Gehe zu
console-action-voting = Abstimmung
console-action-results = Ergebnisse
console-action-timer = Timer
console-action-reset = Zurücksetzen
console-action-moderation = Moderation
console-action-settings = Einstellungen

console-side = Notizen und Moderation
console-notes = Notizen für die Vortragenden
console-notes-none = Keine Notizen zu dieser Folie. Fügen Sie sie im Editor hinzu.
console-moderation = Moderation
console-nothing-to-moderate = Bei dieser Umfrage gibt es nichts zu moderieren.
console-held = Zurückgehalten ({ $count })
console-shown = Sichtbar ({ $count })
console-nothing-held = Nichts zurückgehalten.
console-nothing-yet = Noch nichts.
console-approve = Freigeben
console-hide = Ausblenden
console-pin = Anheften
console-unpin = Lösen
console-answered = Beantwortet
console-action-on = { $action }: { $text }
console-upvotes = { $count ->
    [one] { $count } Stimme
   *[other] { $count } Stimmen
}
console-leaderboard = Quiz-Rangliste

console-rounds = Frühere Runden
console-round-poll = Umfrage
console-round-of = Runde { $round }
console-round-responses = { $count ->
    [one] Runde { $round } · { $count } Antwort
   *[other] Runde { $round } · { $count } Antworten
}
console-rounds-none = Diese Umfrage wurde nicht zurückgesetzt: Es gibt noch keine früheren Runden.

console-people = Links für andere
console-key-title = Präsentationsschlüssel
console-key-hint = Um diese Präsentation von einem anderen Computer (dem PC vor Ort) zu steuern, fügen Sie diesen Schlüssel dort in die Konsole oder den Großbildschirm ein. Wer ihn hat, kann die Präsentation steuern und löschen: Geben Sie ihn nur an Personen weiter, denen Sie vertrauen.
console-key-show = Zeigen
console-key-copy = Präsentationsschlüssel kopieren
console-key-copied = Kopiert. Fügen Sie ihn auf dem anderen Computer ein.
console-key-copy-failed = Kopieren nicht möglich. Zeigen Sie den Schlüssel an und kopieren Sie ihn von Hand.
