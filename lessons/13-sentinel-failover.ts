import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'sentinel-failover',
  title: 'Sentinel fails over — if your client follows',
  summary: 'A replica and Sentinel promote a new primary after about 30 s of 500s — but Laravel\'s default phpredis client never follows it. predis with Sentinel does. Keep failing closed meanwhile.',
  objectives: [
    'Explain why a Sentinel failover takes about 30 s, and what users see meanwhile.',
    'See that Laravel\'s phpredis connector keeps talking to the dead primary, and that predis with `replication: sentinel` follows.',
    'Explain why asynchronous replication can lose the last writes.',
    'See why a fallback store during the failover does more harm than the 500s.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 40, sentinel: true },
  steps: [
    {
      id: 'failover',
      title: 'The primary dies — and stays the app\'s Redis',
      narration: `
Lesson 6 ended with "make Redis reliable". The usual answer: a **replica** receives every write of
the primary, and **Sentinel** watches the primary. Now the primary dies.

Sentinel does not react at once: it waits \`down-after-milliseconds\`, **30000** by default, to be
sure the primary is really gone and not just slow, then promotes the replica (a couple of seconds
more). Meanwhile every request fails to reach Redis and Laravel fails closed: **500**.

Then watch what happens after the promotion: **nothing gets better**. The app runs with Laravel's
default client, **phpredis**, and \`REDIS_HOST\` names the old primary. Laravel's phpredis
connector has no Sentinel support (a pull request adding it was closed in August 2026): nobody
asks Sentinel where the primary is now, so every request keeps connecting to the dead server.
The course's "ensure your phpredis extension is installed and your config/database.php is
configured for your Redis cluster or sentinel" is, for Sentinel, not something Laravel's
phpredis set-up can do.
`,
      ask: { text: 'Kill the Redis primary (failover).', action: 'redis-failover' },
      goal: {
        all: [
          { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'redis-failover', forSec: 30 }, label: '500s while Sentinel waits (down-after-milliseconds)' },
          { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'redis-failover', fromSec: 35, forSec: 30 }, label: 'Still 500s after the replica is promoted (phpredis never follows)' },
        ],
      },
      hints: ['Open the **Failure lab** and press “Redis failover”, then wait a minute.'],
      quiz: {
        question: 'Sentinel promoted the replica. Why does the phpredis app still fail?',
        choices: [
          { text: 'It connects to REDIS_HOST, the old primary\'s address; Laravel\'s phpredis connector never asks Sentinel', correct: true, explanation: 'Yes. Only a client that asks Sentinel (predis with `replication: sentinel`, a community connector) or an address that moves with the primary (a proxy, a virtual IP) follows a failover.' },
          { text: 'The promotion takes several minutes', correct: false, explanation: 'About 30 s (`down-after-milliseconds`) plus a couple of seconds; the feed says when it happened.' },
          { text: 'The replica lost all the sessions', correct: false, explanation: 'The replica has them (minus the last writes still in flight); nobody is asking it.' },
        ],
      },
      solution: { actions: ['30:redis-failover'] },
      runSec: 120,
    },
    {
      id: 'predis-follows',
      title: 'A client that asks Sentinel',
      narration: `
Switch the client to **predis** (\`composer require predis/predis\`, \`REDIS_CLIENT=predis\`) and
give it Sentinel's addresses instead of the primary's, with \`'replication' => 'sentinel'\` in the
connection's options (and the service name Sentinel monitors, \`mymaster\` by default). On every
new connection predis asks a Sentinel which server is the primary now. The primary dies at 30 s
again: about 30 s of 500s, then the replica is promoted and everyone carries on, still logged in.

Almost everyone: replication is **asynchronous**. The primary acknowledges a write before the
replica has it, so the writes of the last moment before the crash (a login, a cart item) can be
lost with it. The feed says how many writes were still on their way when the replica was promoted
(the simulator's replica trails by 1 s — on a LAN it is usually milliseconds).

Other ways out, if you stay on phpredis: a community Sentinel connector, or an address that
follows the primary (HAProxy checking \`role:master\`, a virtual IP moved by Sentinel's
\`client-reconfig-script\`).
`,
      events: ['30:redis-failover'],
      ask: { text: 'Switch the Redis client to predis (with Sentinel replication).', setting: 'redisClient', to: 'predis' },
      goal: {
        all: [
          { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'redis-failover', forSec: 30 }, label: '500s while Sentinel waits (down-after-milliseconds)' },
          { metric: 'outcomes.server_error', op: '==', value: 0, window: { after: 'redis-failover', fromSec: 35, forSec: 30 }, label: 'No more 500s once the replica is promoted' },
        ],
      },
      hints: ['In the **Failure lab**, set “Redis client” to predis.'],
      quiz: {
        question: 'Why can a user be logged out by a failover even though the replica has the sessions?',
        choices: [
          { text: 'Replication is asynchronous: a session written just before the crash may never have reached the replica', correct: true, explanation: 'Yes: the primary answered OK before the replica had the write. The fresher the session, the likelier it is lost.' },
          { text: 'Sentinel deletes the sessions when it promotes the replica', correct: false, explanation: 'Promotion keeps the replica\'s data; it just starts accepting writes.' },
          { text: 'They can\'t: a replica always has every write', correct: false, explanation: 'Redis replicates asynchronously. A client could wait for replicas with `WAIT`; the session handler only sends `SETEX`.' },
        ],
      },
      solution: { settings: { redisClient: 'predis' } },
      runSec: 120,
    },
    {
      id: 'no-fallback',
      title: 'Don\'t paper over the failover',
      narration: `
Thirty seconds of 500s is tempting to hide: "if Redis is down, use the local \`file\` driver".
Try it (the primary dies at 30 s again). During the failover each server keeps new sessions on
its own disk, and round robin sends people between the two disks — logouts and 419s, as in
lesson 2. When the replica is promoted, the sessions written to the disks meanwhile are unknown
to it: another wave of logouts.

Fail closed while Sentinel works: a short, honest outage, and everybody is where they were
afterwards.
`,
      events: ['30:redis-failover'],
      ask: { text: 'Switch the Redis failure mode to fallback-file.', setting: 'onRedisFailure', to: 'fallback-file' },
      goal: {
        all: [
          { metric: 'outcomes.server_error', op: '==', value: 0, window: { after: 'redis-failover', forSec: 30 }, label: 'The 500s are hidden' },
          { metric: 'logouts', op: '>', value: 0, window: { after: 'redis-failover', forSec: 60 }, label: 'Users are logged out instead' },
        ],
      },
      hints: ['In the **Failure lab**, set “On Redis failure” to fall back to files.'],
      solution: { settings: { onRedisFailure: 'fallback-file' } },
      runSec: 120,
    },
  ],
});
