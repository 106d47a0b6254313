import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'redis-sessions',
  title: 'Externalise the state: sessions in Redis',
  summary: 'Move sessions off the servers into Redis, then find them there with SCAN and TTL.',
  objectives: [
    'Switch SESSION_DRIVER to redis and see the logouts stop.',
    'Recognise a Laravel session key in Redis: laravel_database_laravel_cache_<id>.',
    'Use SCAN, not KEYS *, and read a session key\'s TTL.',
  ],
  start: { seed: 1, nodes: 2, driver: 'file', balancer: 'round-robin', users: 30 },
  steps: [
    {
      id: 'switch-to-redis',
      title: 'SESSION_DRIVER=redis',
      narration: `
The servers must become **stateless**: nothing about a user may live on one server's disk. Put
the sessions in one place every server can reach — Redis — and it no longer matters where the
load balancer sends a request.

In \`.env\`:

\`\`\`
SESSION_DRIVER=redis
SESSION_CONNECTION=default
\`\`\`

\`SESSION_CONNECTION\` names a connection from the \`redis\` block of \`config/database.php\`;
left empty it means \`default\` (DB 0). Laravel's redis session handler goes through the **cache**
store: each request starts with a \`GET\` of the session key and ends with a \`SETEX\` that writes
the whole session back with a fresh expiry.

PHP needs a Redis client for this, named by \`REDIS_CLIENT\`. The default, **phpredis**, is a PHP
extension (\`pecl install redis\`, or your distribution's \`php-redis\` package) — without it the
first request fails with "Please make sure the PHP Redis extension is installed and enabled."
The alternative, **predis**, is plain PHP (\`composer require predis/predis\`,
\`REDIS_CLIENT=predis\`). Either way the connection's settings are in \`config/database.php\`:
host, port, \`database\` — and \`timeout\` / \`read_timeout\`, which lesson 12 shows you should set.

The course goes on to recommend sticky sessions on top of this. You don't need them to stay
logged in — watch: round robin stays on, and nobody is logged out. (Lesson 4 looks at
stickiness and what it costs.)
`,
      ask: { text: 'Switch the session driver to redis.', setting: 'driver', to: 'redis' },
      goal: {
        all: [
          { metric: 'logouts', op: '==', value: 0 },
          { metric: 'outcomes.csrf_mismatch', op: '==', value: 0 },
          { metric: 'outcomes.ok', op: '>', value: 100 },
        ],
      },
      hints: ['Change the session driver from file to redis; keep round robin and two nodes.'],
      quiz: {
        question: 'Round robin still sends each user to both servers. Why are they no longer logged out?',
        choices: [
          { text: 'Both servers read and write the same session in Redis', correct: true, explanation: 'Yes: the session id in the cookie now names a key in a shared store.' },
          { text: 'Redis makes nginx send each user to the same server', correct: false, explanation: 'nginx knows nothing about Redis; requests still alternate between the servers.' },
          { text: 'Laravel copies session files between the servers', correct: false, explanation: 'Laravel never syncs session files; the file driver only ever reads its own disk.' },
        ],
      },
      solution: { settings: { driver: 'redis' } },
      runSec: 120,
    },
    {
      id: 'scan-the-keys',
      title: 'Find the sessions: SCAN, not KEYS *',
      narration: `
Open the Redis console. The course says "run \`KEYS *\` to confirm the session key exists" —
please don't do that to a production Redis: \`KEYS\` walks **every** key in one go and blocks the
server while it does. \`SCAN\` walks the keyspace in small batches (10 per call by default), may
return a key twice, and is finished when the cursor it returns is \`0\` again.

The keys look like \`laravel_database_laravel_cache_<40-character id>\`. \`laravel_database_\` is
the Redis connection's prefix and \`laravel_cache_\` the cache prefix — both derived from
\`APP_NAME\` — because sessions go through the cache store. (Apps made from the laravel/laravel
12.1+ skeleton spell them with dashes: \`laravel-database-laravel-cache-<id>\`.)
`,
      ask: { text: 'Run SCAN in the Redis console to list the session keys.', console: 'SCAN 0 MATCH laravel_database_laravel_cache_* COUNT 100' },
      goal: { metric: 'redis.calls.scan', op: '>=', value: 1, label: 'SCAN run in the Redis console' },
      hints: [
        'Type `SCAN 0 MATCH laravel_database_laravel_cache_* COUNT 100` in the Redis console.',
        'Repeat with the cursor it returns until the cursor is `0`.',
      ],
      quiz: {
        question: 'Why SCAN rather than KEYS * on a busy Redis?',
        choices: [
          { text: 'KEYS walks every key at once and blocks Redis meanwhile; SCAN works in small steps', correct: true, explanation: 'Right. Redis runs commands one at a time, so a long KEYS stalls every session read and write behind it.' },
          { text: 'KEYS cannot match patterns', correct: false, explanation: 'It can (`KEYS laravel_*`); the problem is that it does all the work in one blocking call.' },
          { text: 'SCAN returns each key exactly once', correct: false, explanation: 'It may return a key more than once; you de-duplicate on your side.' },
        ],
      },
      solution: { console: [{ atSec: 30, line: 'SCAN 0 MATCH laravel_database_laravel_cache_* COUNT 100' }] },
      runSec: 60,
    },
    {
      id: 'read-the-ttl',
      title: 'TTL 7200',
      narration: `
Pick one of the keys and ask for its time to live: \`TTL laravel_database_laravel_cache_<id>\`.
The answer is just under **7200** seconds: \`SESSION_LIFETIME\` is 120 minutes, × 60.

Each request ends with \`SETEX <key> 7200 <payload>\`, so while someone keeps clicking, their TTL
keeps jumping back to 7200 — a *sliding* expiry. After two idle hours Redis deletes the key by
itself; that is all the "garbage collection" the redis driver needs.

\`-2\` means the key does not exist (it expired, or the id was rotated at login or logout),
\`-1\` would mean a key without expiry — never the case for a session. \`GET\` shows the payload,
serialized twice: \`s:N:"a:3:{s:6:"_token";…}";\` (the session, then the cache layer).
`,
      ask: { text: 'Run TTL on one of the session keys.', console: 'TTL laravel_database_laravel_cache_<id>' },
      goal: { metric: 'redis.hits.ttl', op: '>=', value: 1, label: 'TTL run on a session key that exists' },
      hints: ['Copy a key from the SCAN output and run `TTL <key>`.'],
      solution: { console: [{ atSec: 30, line: 'TTL {{key laravel_database_laravel_cache_*}}' }] },
      runSec: 60,
    },
  ],
});
