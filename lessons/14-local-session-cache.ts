import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'local-session-cache',
  title: 'A session cache on each server',
  summary: 'Laravel already reads the session once per request; only a copy kept between requests saves Redis reads — and it needs stickiness, or the copies go stale and updates are lost.',
  objectives: [
    'See a node-local session cache cut Redis traffic when users are sticky.',
    'Explain why the same cache behind round robin serves stale sessions and loses updates.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'cookie', users: 40 },
  steps: [
    {
      id: 'local-cache',
      title: 'Keep a copy on the server',
      narration: `
Sessions are in Redis and users are sticky (\`sticky cookie srv_id\`). The course says sticky
sessions reduce the load on Redis "by allowing the application to cache session data in local
memory **for the duration of a single request cycle**". Laravel already does exactly that, on
every server, whatever the routing: StartSession reads the session **once** when the request
starts, keeps it in memory while the request runs, and saves it once at the end. Within one
request there is no second read to save — stickiness buys nothing there.

For stickiness to save a Redis read, the copy has to **outlive the request**: a cache kept
between requests. Laravel doesn't ship one; the simulator lets you try it: a read is served from
the server's memory while its copy is less than a minute old; every write still goes to Redis.

Each request normally costs Redis three commands: \`SELECT 0\` on the request's new connection
(phpredis connects per request and selects the configured database every time — plus \`AUTH\`
first when there is a password), \`GET\` at the start, \`SETEX\` at the end. Turn the cache on
and watch Redis commands per request drop: with sticky routing the server
that holds the copy is the only one that ever changes the session, so the copy is always right.
`,
      ask: { text: 'Turn on the node-local session cache.', setting: 'localSessionCache', to: true },
      goal: {
        all: [
          { metric: 'redis.commands', per: 'requests', op: '<', value: 2.5, label: 'Redis commands per request (3 without the cache)' },
          { metric: 'outcomes.lost_update', op: '==', value: 0, label: 'No session update is lost' },
        ],
      },
      hints: ['Open the **Failure lab** and tick “Node-local session cache”.'],
      solution: { settings: { localSessionCache: true } },
      runSec: 120,
    },
    {
      id: 'without-sticky',
      title: 'The same cache without stickiness',
      narration: `
Now switch the load balancer to round robin and keep the cache. A user's requests alternate
between the servers. \`node-1\` changed the cart and wrote it to Redis; \`node-2\` still holds its
copy from a few seconds ago and serves **that** — then saves it back over the newer one.
The update is lost, silently, as in lesson 11, but now with requests a user made one
after the other.

A local cache is only correct when a single server owns each session: it trades Redis reads
for a dependency on stickiness — and stickiness breaks whenever a server goes away.
`,
      ask: { text: 'Switch the load balancer to round robin.', setting: 'balancer', to: 'round-robin' },
      goal: { metric: 'outcomes.lost_update', op: '>', value: 0, label: 'Stale copies overwrite newer sessions (lost updates)' },
      hints: ['Change the load balancer to round robin.'],
      quiz: {
        question: 'When is a node-local copy of a session safe to use?',
        choices: [
          { text: 'When only that server ever changes the session: sticky routing, and no failover to another server', correct: true, explanation: 'Yes: then the local copy is always the newest version.' },
          { text: 'Always: Redis keeps the copies in sync', correct: false, explanation: 'Redis never talks to the servers\' memory; nothing invalidates a local copy.' },
          { text: 'When the copy is at most a minute old', correct: false, explanation: 'A second is enough for another server to change the session.' },
        ],
      },
      solution: { settings: { balancer: 'round-robin' } },
      runSec: 120,
    },
  ],
});
