import { defineLesson } from '../src/lessons/schema';

export default defineLesson({
  id: 'sentinel-failover',
  title: 'Sentinel fails over',
  summary: 'A replica and Sentinel bring Redis back by themselves — after about 30 s of 500s. Keep failing closed meanwhile.',
  objectives: [
    'Explain why a Sentinel failover takes about 30 s, and what users see meanwhile.',
    'Explain why asynchronous replication can lose the last writes.',
    'See why a fallback store during the failover does more harm than the 500s.',
  ],
  start: { seed: 1, nodes: 2, driver: 'redis', balancer: 'round-robin', users: 40, sentinel: true },
  steps: [
    {
      id: 'failover',
      title: 'The primary dies',
      narration: `
Lesson 6 ended with "make Redis reliable". Here it is: a **replica** receives every write of the
primary, and **Sentinel** watches the primary. Now the primary dies.

Sentinel does not react at once: it waits \`down-after-milliseconds\`, **30000** by default, to be
sure the primary is really gone and not just slow, then promotes the replica (a couple of seconds
more). Meanwhile every request fails to reach Redis and Laravel fails closed: **500**. Then the
replica is the primary, the sessions are on it, and everyone carries on, still logged in.

Almost everyone: replication is **asynchronous**. The primary acknowledges a write before the
replica has it, so the writes of the last moment before the crash (a login, a cart item) can be
lost with it. The feed says how many writes were still on their way when the replica was promoted.
`,
      ask: { text: 'Kill the Redis primary (failover).', action: 'redis-failover' },
      goal: {
        all: [
          { metric: 'outcomes.server_error', op: '>', value: 0, window: { after: 'redis-failover', forSec: 30 }, label: '500s while Sentinel waits (down-after-milliseconds)' },
          { metric: 'outcomes.server_error', op: '==', value: 0, window: { after: 'redis-failover', fromSec: 35, forSec: 30 }, label: 'No more 500s once the replica is promoted' },
        ],
      },
      hints: ['Open the **Failure lab** and press “Redis failover”, then wait about half a minute.'],
      quiz: {
        question: 'Why can a user be logged out by a failover even though the replica has the sessions?',
        choices: [
          { text: 'Replication is asynchronous: a session written just before the crash may never have reached the replica', correct: true, explanation: 'Yes: the primary answered OK before the replica had the write. The fresher the session, the likelier it is lost.' },
          { text: 'Sentinel deletes the sessions when it promotes the replica', correct: false, explanation: 'Promotion keeps the replica\'s data; it just starts accepting writes.' },
          { text: 'They can\'t: a replica always has every write', correct: false, explanation: 'Redis replicates asynchronously. A client could wait for replicas with `WAIT`; the session handler only sends `SETEX`.' },
        ],
      },
      solution: { actions: ['30:redis-failover'] },
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
