/**
 * The load balancer: nginx `upstream {}` and HAProxy `backend` semantics, read from their source.
 * The engine needs {@link Upstream} and the types; the rest is exported for tests, the UI's
 * explanations ("which /24 goes where") and the config editor.
 */
export type { BalancerCookie, BalancerRequest, PeerView, Route, RouteEnd } from './types';
export { Upstream } from './upstream';
export { HAPROXY_CHECK, HAPROXY_RETRIES } from './upstreamState';
export { STICKY_EXPIRES_MAX } from './stickyCookie';
export { ipHashKey, ipHashStep, weightSlot } from './ipHash';
export { cookieKey } from './hashCookie';
export { buildChashPoints, findChashPoint, serverPoints, splitHostPort, type ChashPoints } from './chashPoints';
export { crc32, crc32Bytes } from './crc32';
export { stickyId } from './peer';
export { sourceHash } from './haproxyMap';
export { addressBytes, parseIPv4, parseIPv6 } from './ipAddr';
