# La página del móvil del público (js/phone.js y js/phone/*.js).

## Unirse
phone-join-title = Unirse a una presentación
phone-code = Código de acceso
phone-code-help = Los seis dígitos de la pantalla grande.
phone-code-invalid = Escribe los seis dígitos que muestra la pantalla grande.
phone-name = Tu nombre (opcional)
phone-join = Unirse
phone-joining = Uniéndote…
phone-busy = Ocupado, reintentando…
phone-offline-join = Parece que no tienes conexión. Compruébala y vuelve a intentarlo.
phone-no-such-code = Ninguna presentación tiene este código. Comprueba el código en la pantalla grande.

## La barra superior
phone-status-live = En directo
phone-status-connecting = Conectando…
phone-status-reconnecting = Reconectando…
phone-status-offline = Sin conexión: tus votos se enviarán cuando vuelvas
phone-status-ended = Terminada
phone-slide-of = Diapositiva { $n } de { $total }
phone-sections = Secciones
phone-tab-poll = Esta diapositiva
phone-tab-questions = Preguntas

## La sala de espera antes de la primera diapositiva, y el final
phone-lobby-in = ¡Ya estás dentro!
phone-lobby-in-named = ¡Ya estás dentro, { $name }!
phone-lobby-title = Prepárate
phone-lobby-wait = La primera pregunta aparecerá aquí en cuanto empiece la presentación.
phone-ended = Esta presentación ha terminado
phone-thanks = Gracias por participar.

## El temporizador
phone-time-left = quedan { $time }
phone-time-up = Se acabó el tiempo
phone-voting-closed = Votación cerrada

## Votar
phone-vote = Votar
phone-send-new-vote = Enviar mi nuevo voto
phone-keep-vote = Mantener mi voto
phone-change-vote = Cambiar mi voto
phone-retract-vote = Retirar mi voto
phone-sending = Enviando…
phone-vote-counted = Tu voto se ha contado.
phone-awaiting-approval = Recibida. Tu respuesta está pendiente de aprobación por la moderación.
phone-vote-queued = No tienes conexión. Tu voto está guardado en este móvil y se enviará cuando vuelvas a tener conexión.
phone-vote-retracted = Tu voto se ha retirado.
phone-closed-before = La votación se cerró antes de que llegara tu voto.
phone-busy-retry = Enviando… Tally está ocupado; nuevo intento en { $s } s.
phone-offline-retry = No tienes conexión; inténtalo de nuevo cuando vuelvas.
phone-choose-one = Elige una
phone-choose-up-to = Elige hasta { $max }
phone-choose-between = Elige de { $min } a { $max }
phone-chosen = { $n ->
    [one] { $n } elegida
   *[other] { $n } elegidas
}
phone-chosen-of = { $n } de { $max } elegidas
phone-rank-hint = Lo mejor primero. Usa las flechas para reordenar.
phone-move-up = Subir { $name }
phone-move-down = Bajar { $name }
phone-points-left = Quedan { $left } de { $budget } puntos
phone-points-value = { $n ->
    [one] { $n } punto
   *[other] { $n } puntos
}
phone-your-word = Tu palabra
phone-word = Palabra { $n }
phone-word-optional = Palabra { $n } (opcional)
phone-your-answer = Tu respuesta
phone-chars-left = { $n ->
    [one] Queda { $n } carácter
   *[other] Quedan { $n } caracteres
}
phone-need-choice = Elige primero una respuesta.
phone-need-more = Elige al menos { $min }.
phone-need-rating = Valora al menos una afirmación.
phone-need-points = Da al menos un punto.
phone-need-word = Escribe primero una palabra.
phone-need-text = Escribe primero tu respuesta.
phone-unsupported = Este tipo de encuesta no se admite aquí.

## Lo que envió el participante
phone-you-chose = Elegiste: { $what }
phone-your-ratings = Tus valoraciones: { $what }
phone-your-order = Tu orden: { $what }
phone-your-points = Tus puntos: { $what }
phone-your-words = Tus palabras: { $what }
phone-your-text = Tu respuesta: { $what }

## Resultados
phone-results = Resultados
phone-results-after-vote = Los resultados aparecerán aquí cuando hayas votado.
phone-your-choice = Tu elección
phone-correct = ¡Correcto!
phone-not-correct = Esta vez no.
phone-score = Tu puntuación del quiz: { $score } puntos ({ $correct } correctas)

## Preguntas
phone-ask = Haz una pregunta
phone-send-question = Enviar pregunta
phone-need-question = Escribe primero tu pregunta.
phone-question-sent = Tu pregunta se ha enviado.
phone-questions = Preguntas
phone-no-questions = Aún no hay preguntas. Sé el primero.
phone-answered = respondida
phone-awaiting-approval-short = Pendiente de aprobación
phone-upvote-name = votos. Apoyar: { $text }
