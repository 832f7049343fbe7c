# Les retours à un candidat (feedback.js).
feedback-page-title = Retours · Tally
feedback-title = Retours
feedback-no-link = Ouvrez le lien privé que l’organisation vous a envoyé.
feedback-for = Retours pour { $contestant }
feedback-none = Pas encore de commentaires.
feedback-anonymous = Les noms des jurés ne sont pas affichés. Seuls les commentaires des feuilles de notes remises apparaissent.
feedback-replaced = Ce lien ne fonctionne plus : l’organisation vous en a peut-être envoyé un plus récent.
