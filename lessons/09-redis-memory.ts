import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'redis-memory',
  title: 'Redis runs out of memory',
  summary: 'Share the session Redis with a busy cache under maxmemory: evicted sessions log people out, a full noeviction Redis answers 500. Give sessions their own Redis.',
  objectives: [
    'Explain why a cache sharing the session Redis evicts sessions under allkeys-lru.',
    'See that volatile-* policies do not protect sessions, and that noeviction turns a full Redis into 500s.',
    'Keep sessions on a Redis of their own.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 40, redisMaxmemoryBytes: 2 * 1024 * 1024, redisPolicy: 'allkeys-lru' },
  steps: [
    {
      id: 'cache-moves-in',
      title: 'A cache moves in',
      narration: `
The sessions are in Redis and everyone stays logged in. Redis here has \`maxmemory 2mb\` and
\`maxmemory-policy allkeys-lru\` — the policy many "Redis as a cache" guides recommend.

Now the application's cache moves onto **the same Redis server**: rendered fragments and query
results, 200 cache operations a second with values of about 4 KB, some stored with
\`Cache::forever\`. Even in another database number, \`maxmemory\` counts the whole server.
Within seconds Redis is full, and on every write it must free memory first.

Under \`allkeys-lru\` Redis (\`evict.c\`) samples a few keys and evicts the one used least
recently — **any** key. A session of someone who is reading a page is older than the hot cache
fragments, so it goes, and \`INFO stats\` counts it in \`evicted_keys\`. Their next click
carries an id Redis no longer has. Someone on the login form has lost the session that held the
form's CSRF token: \`POST /login\` answers **419 Page Expired**, again and again. Someone
already logged in is silently logged out.
`,
      ask: { text: 'Turn on heavy cache traffic on the session Redis.', setting: 'cacheLoad', to: 'heavy' },
      goal: {
        all: [
          { metric: 'redis.evictedKeys', op: '>', value: 0, label: 'Redis evicts keys (evicted_keys)' },
          { metric: 'outcomes.csrf_mismatch', per: 'requests', op: '>', value: 0.2, label: 'More than 1 request in 5 ends in 419: the session was evicted' },
        ],
      },
      hints: ['Open the **Failure lab** and set “Cache load on Redis” to heavy.'],
      solution: { settings: { cacheLoad: 'heavy' } },
      runSec: 90,
    },
    {
      id: 'noeviction',
      title: 'noeviction: a full Redis says no',
      narration: `
Evicting sessions is bad, so switch to Redis's own default, \`maxmemory-policy noeviction\`:
never delete anything, refuse writes instead. Nothing is evicted any more — and once the cache
has filled the memory, every write is answered with
\`-OOM command not allowed when used memory > 'maxmemory'.\`

The session is saved at the **end** of every request (\`SETEX\`). When that write fails, the page
the user was about to get becomes a **500**; Laravel has no fallback. Almost nobody gets a page.

\`noeviction\` is honest, and it is the right policy for a session store. The mistake is sharing
that memory with something that grows without limit.
`,
      ask: { text: "Set maxmemory-policy to noeviction (Redis's default).", setting: 'redisPolicy', to: 'noeviction' },
      goal: {
        all: [
          { metric: 'redis.evictedKeys', op: '==', value: 0, label: 'Nothing is evicted' },
          { metric: 'outcomes.server_error', per: 'requests', op: '>', value: 0.5, label: 'More than half of the requests fail with 500 (OOM on the session write)' },
        ],
      },
      hints: ['In the **Failure lab**, set the eviction policy to noeviction.'],
      solution: { settings: { redisPolicy: 'noeviction' } },
      runSec: 90,
    },
    {
      id: 'volatile-lru',
      title: 'volatile-lru does not protect sessions',
      narration: `
A popular tip: "use \`volatile-lru\`, it only evicts keys that have an expiry". But **every
session key has one**: the redis driver writes each session with \`SETEX … 7200 …\`. So the
sessions are exactly what \`volatile-lru\` may evict.

And the \`Cache::forever\` values have **no** TTL: volatile policies can never evict them. Once
they fill the memory there is nothing left that Redis is allowed to evict, and writes fail with
\`-OOM\` again. You get both problems: sessions evicted, then 500s.
`,
      ask: { text: 'Set maxmemory-policy to volatile-lru.', setting: 'redisPolicy', to: 'volatile-lru' },
      goal: {
        all: [
          { metric: 'redis.evictedKeys', op: '>', value: 0, label: 'Keys with a TTL — sessions and cached values alike — are evicted' },
          { metric: 'outcomes.server_error', op: '>', value: 0, label: 'Session writes still fail with OOM: 500' },
        ],
      },
      hints: ['In the **Failure lab**, set the eviction policy to volatile-lru.'],
      quiz: {
        question: 'Why can `volatile-lru` evict Laravel sessions?',
        choices: [
          { text: 'Laravel stores every session with a TTL (SETEX), so sessions are "volatile" keys', correct: true, explanation: 'Yes: `volatile-*` means "keys with an expiry", and sessions always have one.' },
          { text: 'volatile-lru evicts every key, like allkeys-lru', correct: false, explanation: 'No: it only considers keys with a TTL. `Cache::forever` values are safe from it — which is why memory still fills up.' },
          { text: 'It cannot: sessions are safe under volatile-lru', correct: false, explanation: 'The `evicted_keys` counter says otherwise.' },
        ],
      },
      solution: { settings: { redisPolicy: 'volatile-lru' } },
      runSec: 90,
    },
    {
      id: 'dedicated-redis',
      title: 'A Redis of their own',
      narration: `
Give the sessions **their own Redis** (in Laravel: a separate connection in
\`config/database.php\` and \`SESSION_CONNECTION\` pointing at it), and leave the cache on the
other one. The session Redis holds only sessions — a few kilobytes per user — so it never gets
near \`maxmemory\`: no evictions, no OOM, nobody logged out.

In production give the session Redis \`noeviction\` (nothing here needs \`volatile-lru\` any
more) and alert on \`used_memory\` and \`evicted_keys\`; give the cache Redis \`allkeys-lru\`,
where evicting is its job.
`,
      ask: { text: 'Put the sessions on a dedicated Redis.', setting: 'dedicatedSessionRedis', to: true },
      goal: {
        all: [
          { metric: 'redis.evictedKeys', op: '==', value: 0, label: 'No session is evicted' },
          { metric: 'outcomes.server_error', op: '==', value: 0, label: 'No 500s' },
          { metric: 'logouts', op: '==', value: 0 },
        ],
      },
      hints: ['In the **Failure lab**, tick “Dedicated session Redis”.'],
      quiz: {
        question: 'The cache Redis still fills up. Why does nobody get logged out now?',
        choices: [
          { text: 'Evictions and OOM errors on the cache Redis never touch the session Redis', correct: true, explanation: 'Yes: `maxmemory` is per server. The cache may evict as much as it likes.' },
          { text: 'The dedicated Redis has more memory', correct: false, explanation: 'It has the same 2 MB here — sessions simply need far less.' },
          { text: 'Laravel stops writing sessions when Redis is full', correct: false, explanation: 'It writes the whole session at the end of every request.' },
        ],
      },
      solution: { settings: { dedicatedSessionRedis: true } },
      runSec: 90,
    },
  ],
});
