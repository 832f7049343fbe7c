# Das Feedback für Teilnehmende (feedback.js).
feedback-page-title = Feedback · Tally
feedback-title = Feedback
feedback-no-link = Öffnen Sie den privaten Link, den Ihnen die Veranstaltenden geschickt haben.
feedback-for = Feedback für { $contestant }
feedback-none = Noch keine Kommentare.
feedback-anonymous = Die Namen der Jury werden nicht gezeigt. Es erscheinen nur Kommentare aus abgegebenen Wertungsbögen.
feedback-replaced = Dieser Link funktioniert nicht mehr: Die Veranstaltenden haben vielleicht einen neueren geschickt.
