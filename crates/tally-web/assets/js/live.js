// Follows a live channel: a WebSocket, or Server-Sent Events where a
// WebSocket cannot open (some proxies block them). Reconnects with
// exponential backoff and jitter, and at once when the device comes back
// online. Each message is a JSON object; the newest state always arrives
// first on connect, so nothing is lost while away.
//
// A socket closed with 4403 was opened with a key that stopped working (a
// revoked link): reconnecting would only be refused, so it stops and calls
// `onRevoked`, by default reloading the page, whose access check then says
// why ("This link has been withdrawn") and opens nothing.
export function follow(path, {
  onMessage, onStatus = () => {}, onRevoked = () => location.reload(), protocols, eventsPath,
}) {
  let ws = null;
  let es = null;
  let timer = null;
  let tries = 0;
  let failedOpens = 0;
  let stopped = false;

  const deliver = (data) => {
    try {
      onMessage(JSON.parse(data));
    } catch (e) {
      console.error('live message', e);
    }
  };

  function retry() {
    if (stopped || timer) return;
    const delay = Math.min(15000, 400 * 2 ** tries++) * (0.5 + Math.random() / 2);
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, delay);
  }

  function connect() {
    if (stopped) return;
    if (ws && ws.readyState <= 1) return;
    if (es && es.readyState !== 2) return;
    if (eventsPath && failedOpens >= 2) return connectEvents();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
    let opened = false;
    ws = protocols ? new WebSocket(url, protocols) : new WebSocket(url);
    ws.onopen = () => {
      opened = true;
      tries = 0;
      failedOpens = 0;
      onStatus('live');
    };
    ws.onmessage = (e) => deliver(e.data);
    ws.onclose = (e) => {
      if (!opened) failedOpens++;
      if (e.code === 4403) {
        stopped = true;
        onStatus('revoked');
        onRevoked();
        return;
      }
      if (e.code === 1000 && /deleted/.test(e.reason)) {
        stopped = true;
        onStatus('deleted');
        return;
      }
      onStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
      retry();
    };
  }

  function connectEvents() {
    es = new EventSource(eventsPath);
    es.addEventListener('state', (e) => deliver(e.data));
    es.onopen = () => {
      tries = 0;
      onStatus('live');
    };
    es.onerror = () => {
      es.close();
      onStatus('reconnecting');
      retry();
    };
  }

  addEventListener('online', () => {
    tries = 0;
    clearTimeout(timer);
    timer = null;
    // A socket that stayed open through the outage may have lost messages
    // and would never say "live" again: start afresh (the newest state
    // comes first on connect).
    if (ws && ws.readyState <= 1) ws.close(4002, 'back online');
    else connect();
  });
  addEventListener('offline', () => onStatus('offline'));
  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      if (ws) ws.close();
      if (es) es.close();
    },
  };
}
