#!/usr/bin/env bash
# Reproduction: n8n keeps taking webhooks during its graceful-shutdown window, then is forced down.
# Needs: n8n on PATH (n8n 2.41.1), curl, jq-free. Uses a throwaway user folder and port 5690.
set -euo pipefail
export N8N_USER_FOLDER="$(mktemp -d)" N8N_PORT=5690 N8N_RUNNERS_BROKER_PORT=5691 \
  N8N_DIAGNOSTICS_ENABLED=false N8N_ENCRYPTION_KEY=repro-key-0000000000000000
cat > "$N8N_USER_FOLDER/wf.json" <<'JSON'
[{"id":"reproShutdown001","name":"Webhook during shutdown","active":false,"settings":{},
  "nodes":[{"id":"a","name":"Webhook","type":"n8n-nodes-base.webhook","typeVersion":2,"position":[0,0],
    "webhookId":"repro-shutdown","parameters":{"httpMethod":"POST","path":"repro-shutdown","responseMode":"onReceived","options":{}}},
   {"id":"b","name":"Wait","type":"n8n-nodes-base.wait","typeVersion":1.1,"position":[200,0],
    "webhookId":"repro-wait","parameters":{"amount":5,"unit":"seconds"}}],
  "connections":{"Webhook":{"main":[[{"node":"Wait","type":"main","index":0}]]}}}]
JSON
n8n import:workflow --input="$N8N_USER_FOLDER/wf.json" >/dev/null 2>&1
if n8n publish:workflow --help >/dev/null 2>&1; then n8n publish:workflow --id=reproShutdown001 >/dev/null 2>&1
else n8n update:workflow --id=reproShutdown001 --active=true >/dev/null 2>&1; fi
n8n start > "$N8N_USER_FOLDER/n8n.log" 2>&1 & pid=$!
until curl -s -X PATCH "http://127.0.0.1:5690/webhook/repro-shutdown" | grep -q "not registered for PATCH"; do sleep 0.5; done
start=$(date +%s.%N)
# One request every 0.2 s, each on its own connection, for 40 s.
for i in $(seq 1 200); do
  ( t0=$(date +%s.%N); code=$(curl -s -o /dev/null -w '%{http_code}' -m 60 -X POST -H 'content-type: application/json' \
      -d "{\"n\":$i}" http://127.0.0.1:5690/webhook/repro-shutdown || true)
    printf '%s sent=%.1f answered=%.1f status=%s\n' "$i" "$(echo "$t0 - $start" | bc)" "$(echo "$(date +%s.%N) - $start" | bc)" "$code" ) >> "$N8N_USER_FOLDER/requests.log" &
  sleep 0.2
  if [ "$i" = 25 ]; then echo "SIGTERM at $(echo "$(date +%s.%N) - $start" | bc) s"; kill -TERM $pid; fi
done
wait $pid || true; wait
sort -n "$N8N_USER_FOLDER/requests.log" > "$N8N_USER_FOLDER/requests.sorted"
echo "--- requests (n, seconds since start) ---"; cat "$N8N_USER_FOLDER/requests.sorted"
echo "--- n8n log (end) ---"; tail -n 15 "$N8N_USER_FOLDER/n8n.log"
echo "--- executions stored ---"

sqlite3 "$N8N_USER_FOLDER/.n8n/database.sqlite" "select count(*), status from execution_entity group by status" 2>/dev/null || echo "(sqlite3 CLI not installed: count rows in execution_entity)"
