# Les pages de l’organisation d’un concours (contest.js, contest-edit.js).
contest-page-title = Concours avec jury · Tally
contest-new-page-title = Nouveau concours avec jury · Tally
contest-title = Concours
contest-new-title = Nouveau concours avec jury
contest-method-weighted_mean = Moyenne pondérée
contest-method-trimmed_mean = Moyenne tronquée
contest-method-z_score = Scores z par juré
contest-method-trimmed_mean-long = Moyenne tronquée (sans la note la plus haute ni la plus basse)
contest-method-z_score-long = Scores z par juré (équilibre les jurés sévères et indulgents)
contest-field-title = Titre
contest-field-method = Méthode
contest-field-trim = Moyenne tronquée : tronquer dès qu’au moins ce nombre de jurés a noté
contest-field-criteria = Critères, un par ligne : nom | poids | min | max | pas | description
contest-field-contestants = Candidats, un par ligne
contest-field-rounds = Manches, une par ligne
contest-field-tie = Critère de départage (facultatif)
contest-example-criteria = Voix | 2 | 1 | 10 | 0.5 | Justesse, timbre et fusion
    Scène | 1 | 1 | 10 | 1 | Présence
contest-example-round = Finale
contest-create = Créer le concours
contest-failed = { $action } : { $reason }
contest-not-saved = Non enregistré : { $reason }
contest-saved = Enregistré. Chaque modification figure dans le journal d’audit.
contest-export = Exporter

contest-summary = Méthode : { $method } · critères : { $criteria }
contest-criterion-summary = { $name } ×{ $weight } ({ $min }–{ $max }, pas de { $step })
contest-people = Jurés et assistants
contest-invite = Inviter
contest-new-link = Lien privé pour { $name } (affiché une seule fois ; ne l’envoyez qu’à cette personne)
contest-role = Rôle
contest-role-judge = Juré
contest-role-cohost = Co-animateur
contest-role-moderator = Modérateur
contest-name = Nom
# A judge's or helper's name, then their role.
contest-link-line = { $name } · { $role }
contest-revoked = révoqué
contest-revoke = Révoquer { $name }
contest-revoke-confirm = Révoquer le lien de { $name } ? Il cesse aussitôt de fonctionner.
contest-tie-heading = La présentation de l’événement
contest-tie-why = Lié à une présentation, les co-animateurs du concours peuvent l’animer et ses modérateurs y modérer les textes du public, chacun depuis son propre lien.
contest-tied-to = Lié à « { $title } ».
contest-open-console = Ouvrir sa console
contest-untie = Délier
contest-tie = Lier
contest-presentation = Présentation
contest-no-presentation = Ce navigateur ne détient aucune présentation. Créez d’abord ici la présentation de l’événement, puis liez-la.
contest-nothing-to-moderate = Le concours n’est encore lié à aucune présentation : il n’y a rien à modérer. Demandez à l’organisation.
contest-moderate = Modérer la présentation
contest-run = Animer la présentation

contest-conflicts = Conflits d’intérêts
contest-conflicts-why = Un juré ne voit ni ne note les candidats dont il est exclu.
contest-judge = Juré
contest-excluded-from = Exclu de
contest-save-conflicts = Enregistrer les conflits

contest-round = Manche
contest-round-draft = brouillon
contest-round-open = ouverte
contest-round-closed = fermée
contest-round-published = publiée
contest-open = Ouvrir la notation
contest-close = Fermer
contest-publish = Publier
contest-publish-confirm = Publier cette manche ? Ses résultats sont figés et tout le monde peut les lire.
contest-lineup = Candidats de cette manche
contest-lineup-draft = Candidats de cette manche (figés dès son ouverture)
contest-lineup-count = Candidats de cette manche : { $count }
contest-save-lineup = Enregistrer la sélection
contest-progress = Avancement
contest-submitted-count = { $submitted } { $total ->
    [one] juré sur { $total } a remis sa feuille
   *[other] jurés sur { $total } ont remis leur feuille
  }
contest-sheet = Feuille
contest-sheet-draft = brouillon
contest-sheet-submitted = remise
contest-marks = Notes
contest-marks-of = { $scored } sur { $expected }
contest-missing = Manquantes
contest-actions = Actions
contest-reopen = Rouvrir { $name }
contest-reopen-confirm = Rouvrir la feuille de { $name } ? Elle ne compte plus jusqu’à sa nouvelle remise.

contest-results = Résultats (bruts à côté des ajustés)
contest-rank = Rang
contest-contestant = Candidat
contest-raw = Brut
contest-adjusted = Ajusté
contest-judges = Jurés
contest-rank-plain = { $rank }
contest-rank-parted = { $rank } (départage : { $by })
contest-audience-vote = le vote du public
contest-published-digest = Publiée. Empreinte (SHA-256 de toutes les notes remises) : { $digest }
contest-private = Privé jusqu’à la publication · { $sheets ->
    [one] { $sheets } feuille remise comptée
   *[other] { $sheets } feuilles remises comptées
  }
contest-reveal = Dévoiler sur le grand écran
contest-export-csv = Exporter en CSV
contest-export-json = Exporter en JSON

contest-feedback = Retours aux candidats
contest-feedback-why = Un lien privé montre à un candidat les commentaires des jurés à son sujet, tirés des feuilles remises, sans le nom des jurés. Un nouveau lien désactive l’ancien.
contest-feedback-link = Lien de retours pour { $name }
contest-new-feedback-link = Lien de retours privé pour { $name } (affiché une seule fois ; ne l’envoyez qu’à cette personne)

edit-summary = Modifier le concours
edit-title = Titre
edit-criteria = Critères
edit-contestants = Candidats
edit-rounds = Manches
edit-criterion = Critère
edit-weight = Poids
edit-min = Min
edit-max = Max
edit-step = Pas
edit-description = Description
edit-round = Manche
edit-contestant = Candidat
edit-remove = Supprimer
edit-remove-criterion = Supprimer ce critère
edit-remove-contestant = Supprimer ce candidat
edit-remove-round = Supprimer cette manche
edit-add-criterion = + Ajouter un critère
edit-add-contestant = + Ajouter un candidat
edit-add-round = + Ajouter une manche
edit-rule = Avant la première note, tout peut changer. Ensuite, seuls les noms et les descriptions le peuvent ; un poids, une plage ou une suppression qui changerait le sens des notes enregistrées est refusé.
edit-save = Enregistrer les modifications
