var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/crc-32/crc32.js
var require_crc32 = __commonJS({
  "node_modules/crc-32/crc32.js"(exports) {
    var CRC322;
    (function(factory) {
      if (typeof DO_NOT_EXPORT_CRC === "undefined") {
        if ("object" === typeof exports) {
          factory(exports);
        } else if ("function" === typeof define && define.amd) {
          define(function() {
            var module2 = {};
            factory(module2);
            return module2;
          });
        } else {
          factory(CRC322 = {});
        }
      } else {
        factory(CRC322 = {});
      }
    })(function(CRC323) {
      CRC323.version = "1.2.2";
      function signed_crc_table() {
        var c = 0, table = new Array(256);
        for (var n = 0; n != 256; ++n) {
          c = n;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          c = c & 1 ? -306674912 ^ c >>> 1 : c >>> 1;
          table[n] = c;
        }
        return typeof Int32Array !== "undefined" ? new Int32Array(table) : table;
      }
      var T0 = signed_crc_table();
      function slice_by_16_tables(T) {
        var c = 0, v = 0, n = 0, table = typeof Int32Array !== "undefined" ? new Int32Array(4096) : new Array(4096);
        for (n = 0; n != 256; ++n) table[n] = T[n];
        for (n = 0; n != 256; ++n) {
          v = T[n];
          for (c = 256 + n; c < 4096; c += 256) v = table[c] = v >>> 8 ^ T[v & 255];
        }
        var out = [];
        for (n = 1; n != 16; ++n) out[n - 1] = typeof Int32Array !== "undefined" ? table.subarray(n * 256, n * 256 + 256) : table.slice(n * 256, n * 256 + 256);
        return out;
      }
      var TT = slice_by_16_tables(T0);
      var T1 = TT[0], T2 = TT[1], T3 = TT[2], T4 = TT[3], T5 = TT[4];
      var T6 = TT[5], T7 = TT[6], T8 = TT[7], T9 = TT[8], Ta = TT[9];
      var Tb = TT[10], Tc = TT[11], Td = TT[12], Te = TT[13], Tf = TT[14];
      function crc32_bstr(bstr, seed) {
        var C2 = seed ^ -1;
        for (var i = 0, L = bstr.length; i < L; ) C2 = C2 >>> 8 ^ T0[(C2 ^ bstr.charCodeAt(i++)) & 255];
        return ~C2;
      }
      function crc32_buf(B, seed) {
        var C2 = seed ^ -1, L = B.length - 15, i = 0;
        for (; i < L; ) C2 = Tf[B[i++] ^ C2 & 255] ^ Te[B[i++] ^ C2 >> 8 & 255] ^ Td[B[i++] ^ C2 >> 16 & 255] ^ Tc[B[i++] ^ C2 >>> 24] ^ Tb[B[i++]] ^ Ta[B[i++]] ^ T9[B[i++]] ^ T8[B[i++]] ^ T7[B[i++]] ^ T6[B[i++]] ^ T5[B[i++]] ^ T4[B[i++]] ^ T3[B[i++]] ^ T2[B[i++]] ^ T1[B[i++]] ^ T0[B[i++]];
        L += 15;
        while (i < L) C2 = C2 >>> 8 ^ T0[(C2 ^ B[i++]) & 255];
        return ~C2;
      }
      function crc32_str(str2, seed) {
        var C2 = seed ^ -1;
        for (var i = 0, L = str2.length, c = 0, d = 0; i < L; ) {
          c = str2.charCodeAt(i++);
          if (c < 128) {
            C2 = C2 >>> 8 ^ T0[(C2 ^ c) & 255];
          } else if (c < 2048) {
            C2 = C2 >>> 8 ^ T0[(C2 ^ (192 | c >> 6 & 31)) & 255];
            C2 = C2 >>> 8 ^ T0[(C2 ^ (128 | c & 63)) & 255];
          } else if (c >= 55296 && c < 57344) {
            c = (c & 1023) + 64;
            d = str2.charCodeAt(i++) & 1023;
            C2 = C2 >>> 8 ^ T0[(C2 ^ (240 | c >> 8 & 7)) & 255];
            C2 = C2 >>> 8 ^ T0[(C2 ^ (128 | c >> 2 & 63)) & 255];
            C2 = C2 >>> 8 ^ T0[(C2 ^ (128 | d >> 6 & 15 | (c & 3) << 4)) & 255];
            C2 = C2 >>> 8 ^ T0[(C2 ^ (128 | d & 63)) & 255];
          } else {
            C2 = C2 >>> 8 ^ T0[(C2 ^ (224 | c >> 12 & 15)) & 255];
            C2 = C2 >>> 8 ^ T0[(C2 ^ (128 | c >> 6 & 63)) & 255];
            C2 = C2 >>> 8 ^ T0[(C2 ^ (128 | c & 63)) & 255];
          }
        }
        return ~C2;
      }
      CRC323.table = T0;
      CRC323.bstr = crc32_bstr;
      CRC323.buf = crc32_buf;
      CRC323.str = crc32_str;
    });
  }
});

// src/sim/settings.ts
var MAX_NODES = 8;
var MAX_RUN_SEC = 7 * 24 * 3600;
function defaultNode(i) {
  return { name: `node-${i}`, address: `node${i}.internal:80`, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false };
}
function defaultBalancer(strategy = "round-robin") {
  return {
    flavor: "nginx",
    strategy,
    stickyCookie: { name: "srv_id", expiresSec: 3600, domain: null, path: "/" },
    hashCookie: { name: "laravel_session", consistent: true },
    redispatch: true
  };
}
function defaultSettings() {
  return {
    seed: 1,
    durationSec: 600,
    users: 100,
    clients: "unique",
    nodes: [defaultNode(1), defaultNode(2)],
    balancer: defaultBalancer(),
    session: { driver: "file", lifetimeMin: 120, expireOnClose: false, encrypt: false, appName: "Laravel", connection: null, onRedisFailure: "fail-closed" },
    redis: { host: "127.0.0.1", port: 6379, password: null, db: 0, maxmemoryBytes: 0, policy: "noeviction", client: "phpredis" },
    events: []
  };
}
function blockStoreOf(s) {
  return s.blockStore ?? (s.driver === "redis" ? "redis" : s.driver === "database" ? "database" : "file");
}
var DEFAULT_LOTTERY = 2;
function lotteryOf(s) {
  return s.lottery ?? DEFAULT_LOTTERY;
}
function dbConnectionOf(s) {
  return s.driver === "database" || blockStoreOf(s) === "database" ? s.dbConnection ?? "sqlite" : null;
}
var NODE_ACTIONS = ["crash", "restart", "replace", "drain", "nginx-drain", "partition", "heal"];
var PLAIN_ACTIONS = ["redis-down", "redis-up", "deploy", "redis-failover", "redis-blackhole", "cache-clear", "db-down", "db-up"];
var ALL_ACTIONS = [...NODE_ACTIONS, ...PLAIN_ACTIONS, "redis-latency"];

// src/sim/graphClone.ts
var CLONE = /* @__PURE__ */ Symbol("clone");
var recipes = /* @__PURE__ */ new WeakMap();
function cloneVia(target, recipe) {
  recipes.set(target, recipe);
  return target;
}
function remakeable(make, ...args) {
  return cloneVia(make(...args), (c) => remakeable(make, ...args.map((a) => c.clone(a))));
}
var CloneError = class extends Error {
  constructor(path, reason) {
    super(`cannot copy ${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
    this.name = "CloneError";
  }
  path;
  reason;
};
var NONE = Object.freeze({});
var fail = (reason) => {
  throw new CloneError("", reason);
};
var OBJECT_BYTES = 24;
var SLOT_BYTES = 8;
var Cloner = class {
  /**
   * @param seed originals mapped to what stands for them in the copy (e.g. listeners → none)
   * @param dormant the copy will never run (a checkpoint): a class may then keep less than a
   *   running copy needs (`[CLONE]` reads {@link dormant})
   */
  constructor(seed = [], dormant = false) {
    this.dormant = dormant;
    for (const [from, to] of seed) this.memo.set(from, to);
  }
  dormant;
  memo = /* @__PURE__ */ new Map();
  /** An estimate of the bytes the copies allocated (objects and their slots; strings are shared). */
  bytes = 0;
  /** Count what a `[CLONE]` method built by itself into {@link bytes}: objects, and their fields or entries. */
  built(objects, slots) {
    this.bytes += OBJECT_BYTES * objects + SLOT_BYTES * slots;
  }
  /** The copy of `value` (primitives are themselves; an object is copied once per Cloner). */
  clone(value) {
    if (value === null || typeof value !== "object" && typeof value !== "function") return value;
    const hit = this.memo.get(value);
    if (hit !== void 0) return hit;
    return this.copy(value);
  }
  /**
   * Register the copy of `original` before its fields are filled (so cycles through it resolve),
   * then fill them: for `[CLONE]` methods, `c.fill(this, Object.create(proto), { overrides })`.
   */
  fill(original, target, overrides = {}) {
    this.memo.set(original, target);
    return this.deepen(Object.assign(target, original), overrides);
  }
  /** Replace the fields of a fresh copy that hold objects by their copies, then apply `overrides`. */
  deepen(target, overrides) {
    const dst = target;
    let fields = 0;
    for (const key in dst) {
      fields++;
      const x = dst[key];
      if (x === null || typeof x !== "object" && typeof x !== "function" || Object.hasOwn(overrides, key)) continue;
      try {
        dst[key] = this.clone(x);
      } catch (err) {
        throw within(err, key);
      }
    }
    this.bytes += OBJECT_BYTES + SLOT_BYTES * fields;
    return Object.assign(target, overrides);
  }
  /** A shell with `original`'s prototype, registered, filled field by field. */
  copyFields(original, overrides = {}) {
    return this.fill(original, Object.create(Object.getPrototypeOf(original)), overrides);
  }
  copy(v) {
    if (Object.isFrozen(v)) return v;
    const recipe = recipes.get(v);
    if (recipe !== void 0) {
      const out = recipe(this, v);
      this.memo.set(v, out);
      return out;
    }
    if (typeof v === "function") return fail(`a function (${v.name || "anonymous"}) without a recipe: it may hold state; give it one with remakeable() or cloneVia()`);
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const out = { ...v };
      this.memo.set(v, out);
      return this.deepen(out, NONE);
    }
    if (CLONE in v) {
      const out = v[CLONE](this);
      this.memo.set(v, out);
      return out;
    }
    if (Array.isArray(v)) return this.array(v);
    if (v instanceof Map) return this.map(v);
    if (v instanceof Set) return this.set(v);
    if (ArrayBuffer.isView(v)) {
      const bytes = v.slice();
      this.memo.set(v, bytes);
      this.bytes += OBJECT_BYTES + bytes.byteLength;
      return bytes;
    }
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef) {
      return fail(`a ${v.constructor.name} cannot be copied (take checkpoints between events)`);
    }
    return this.copyFields(v);
  }
  array(v) {
    const out = v.slice();
    this.memo.set(v, out);
    this.bytes += OBJECT_BYTES + SLOT_BYTES * v.length;
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      if (x !== null && (typeof x === "object" || typeof x === "function")) {
        try {
          out[i] = this.clone(x);
        } catch (err) {
          throw within(err, String(i));
        }
      }
    }
    return out;
  }
  map(v) {
    const out = /* @__PURE__ */ new Map();
    this.memo.set(v, out);
    this.bytes += OBJECT_BYTES + 3 * SLOT_BYTES * v.size;
    for (const [k, x] of v) {
      try {
        out.set(this.clone(k), this.clone(x));
      } catch (err) {
        throw within(err, `<${String(k)}>`);
      }
    }
    return out;
  }
  set(v) {
    const out = /* @__PURE__ */ new Set();
    this.memo.set(v, out);
    this.bytes += OBJECT_BYTES + 2 * SLOT_BYTES * v.size;
    for (const x of v) out.add(this.clone(x));
    return out;
  }
};
function within(err, key) {
  if (!(err instanceof CloneError)) return err;
  return new CloneError(err.path === "" ? key : `${key}.${err.path}`, err.reason);
}

// node_modules/xstate/dist/xstate-dev.esm.js
function getGlobal() {
  if (typeof globalThis !== "undefined") {
    return globalThis;
  }
  if (typeof self !== "undefined") {
    return self;
  }
  if (typeof window !== "undefined") {
    return window;
  }
  if (typeof global !== "undefined") {
    return global;
  }
}
function getDevTools() {
  const w = getGlobal();
  if (w.__xstate__) {
    return w.__xstate__;
  }
  return void 0;
}
var devToolsAdapter = (service) => {
  if (typeof window === "undefined") {
    return;
  }
  const devTools = getDevTools();
  if (devTools) {
    devTools.register(service);
  }
};

// node_modules/xstate/dist/raise-effbee0c.esm.js
var Mailbox = class {
  constructor(_process) {
    this._process = _process;
    this._active = false;
    this._current = null;
    this._last = null;
  }
  start() {
    this._active = true;
    this.flush();
  }
  clear() {
    if (this._current) {
      this._current.next = null;
      this._last = this._current;
    }
  }
  enqueue(event) {
    const enqueued = {
      value: event,
      next: null
    };
    if (this._current) {
      this._last.next = enqueued;
      this._last = enqueued;
      return;
    }
    this._current = enqueued;
    this._last = enqueued;
    if (this._active) {
      this.flush();
    }
  }
  flush() {
    while (this._current) {
      const consumed = this._current;
      this._process(consumed.value);
      this._current = consumed.next;
    }
    this._last = null;
  }
};
var STATE_DELIMITER = ".";
var TARGETLESS_KEY = "";
var NULL_EVENT = "";
var STATE_IDENTIFIER = "#";
var WILDCARD = "*";
var XSTATE_INIT = "xstate.init";
var XSTATE_ERROR = "xstate.error";
var XSTATE_STOP = "xstate.stop";
function createAfterEvent(delayRef, id) {
  return {
    type: `xstate.after.${delayRef}.${id}`
  };
}
function createDoneStateEvent(id, output) {
  return {
    type: `xstate.done.state.${id}`,
    output
  };
}
function createDoneActorEvent(invokeId, output) {
  return {
    type: `xstate.done.actor.${invokeId}`,
    output,
    actorId: invokeId
  };
}
function createErrorActorEvent(id, error) {
  return {
    type: `xstate.error.actor.${id}`,
    error,
    actorId: id
  };
}
function createInitEvent(input) {
  return {
    type: XSTATE_INIT,
    input
  };
}
function reportUnhandledError(err) {
  setTimeout(() => {
    throw err;
  });
}
var symbolObservable = (() => typeof Symbol === "function" && Symbol.observable || "@@observable")();
function matchesState(parentStateId, childStateId) {
  const parentStateValue = toStateValue(parentStateId);
  const childStateValue = toStateValue(childStateId);
  if (typeof childStateValue === "string") {
    if (typeof parentStateValue === "string") {
      return childStateValue === parentStateValue;
    }
    return false;
  }
  if (typeof parentStateValue === "string") {
    return parentStateValue in childStateValue;
  }
  return Object.keys(parentStateValue).every((key) => {
    if (!(key in childStateValue)) {
      return false;
    }
    return matchesState(parentStateValue[key], childStateValue[key]);
  });
}
function toStatePath(stateId) {
  if (isArray(stateId)) {
    return stateId;
  }
  const result = [];
  let segment = "";
  for (let i = 0; i < stateId.length; i++) {
    const char = stateId.charCodeAt(i);
    switch (char) {
      // \
      case 92:
        segment += stateId[i + 1];
        i++;
        continue;
      // .
      case 46:
        result.push(segment);
        segment = "";
        continue;
    }
    segment += stateId[i];
  }
  result.push(segment);
  return result;
}
function toStateValue(stateValue) {
  if (isMachineSnapshot(stateValue)) {
    return stateValue.value;
  }
  if (typeof stateValue !== "string") {
    return stateValue;
  }
  const statePath = toStatePath(stateValue);
  return pathToStateValue(statePath);
}
function pathToStateValue(statePath) {
  if (statePath.length === 1) {
    return statePath[0];
  }
  const value = {};
  let marker = value;
  for (let i = 0; i < statePath.length - 1; i++) {
    if (i === statePath.length - 2) {
      marker[statePath[i]] = statePath[i + 1];
    } else {
      const previous = marker;
      marker = {};
      previous[statePath[i]] = marker;
    }
  }
  return value;
}
function mapValues(collection, iteratee) {
  const result = {};
  const collectionKeys = Object.keys(collection);
  for (let i = 0; i < collectionKeys.length; i++) {
    const key = collectionKeys[i];
    result[key] = iteratee(collection[key], key, collection, i);
  }
  return result;
}
function toArrayStrict(value) {
  if (isArray(value)) {
    return value;
  }
  return [value];
}
function toArray(value) {
  if (value === void 0) {
    return [];
  }
  return toArrayStrict(value);
}
function resolveOutput(mapper, context, event, self2) {
  if (typeof mapper === "function") {
    return mapper({
      context,
      event,
      self: self2
    });
  }
  return mapper;
}
function isArray(value) {
  return Array.isArray(value);
}
function isErrorActorEvent(event) {
  return event.type.startsWith("xstate.error.actor");
}
function toTransitionConfigArray(configLike) {
  return toArrayStrict(configLike).map((transitionLike) => {
    if (typeof transitionLike === "undefined" || typeof transitionLike === "string") {
      return {
        target: transitionLike
      };
    }
    return transitionLike;
  });
}
function normalizeTarget(target) {
  if (target === void 0 || target === TARGETLESS_KEY) {
    return void 0;
  }
  return toArray(target);
}
function toObserver(nextHandler, errorHandler, completionHandler) {
  const isObserver = typeof nextHandler === "object";
  const self2 = isObserver ? nextHandler : void 0;
  return {
    next: (isObserver ? nextHandler.next : nextHandler)?.bind(self2),
    error: (isObserver ? nextHandler.error : errorHandler)?.bind(self2),
    complete: (isObserver ? nextHandler.complete : completionHandler)?.bind(self2)
  };
}
function createInvokeId(stateNodeId, index) {
  return `${index}.${stateNodeId}`;
}
function resolveReferencedActor(machine, src) {
  const match = src.match(/^xstate\.invoke\.(\d+)\.(.*)/);
  if (!match) {
    return machine.implementations.actors[src];
  }
  const [, indexStr, nodeId] = match;
  const node = machine.getStateNodeById(nodeId);
  const invokeConfig = node.config.invoke;
  return (Array.isArray(invokeConfig) ? invokeConfig[indexStr] : invokeConfig).src;
}
function matchesEventDescriptor(eventType, descriptor) {
  if (descriptor === eventType) {
    return true;
  }
  if (descriptor === WILDCARD) {
    return true;
  }
  if (!descriptor.endsWith(".*")) {
    return false;
  }
  const partialEventTokens = descriptor.split(".");
  const eventTokens = eventType.split(".");
  for (let tokenIndex = 0; tokenIndex < partialEventTokens.length; tokenIndex++) {
    const partialEventToken = partialEventTokens[tokenIndex];
    const eventToken = eventTokens[tokenIndex];
    if (partialEventToken === "*") {
      const isLastToken = tokenIndex === partialEventTokens.length - 1;
      return isLastToken;
    }
    if (partialEventToken !== eventToken) {
      return false;
    }
  }
  return true;
}
function createScheduledEventId(actorRef, id) {
  return `${actorRef.sessionId}.${id}`;
}
var idCounter = 0;
function createSystem(rootActor, options) {
  const children = /* @__PURE__ */ new Map();
  const keyedActors = /* @__PURE__ */ new Map();
  const reverseKeyedActors = /* @__PURE__ */ new WeakMap();
  const inspectionObservers = /* @__PURE__ */ new Set();
  const timerMap = {};
  const {
    clock,
    logger
  } = options;
  const scheduler = {
    schedule: (source, target, event, delay, id = Math.random().toString(36).slice(2)) => {
      const scheduledEvent = {
        source,
        target,
        event,
        delay,
        id,
        startedAt: Date.now()
      };
      const scheduledEventId = createScheduledEventId(source, id);
      system._snapshot._scheduledEvents[scheduledEventId] = scheduledEvent;
      const timeout = clock.setTimeout(() => {
        delete timerMap[scheduledEventId];
        delete system._snapshot._scheduledEvents[scheduledEventId];
        system._relay(source, target, event);
      }, delay);
      timerMap[scheduledEventId] = timeout;
    },
    cancel: (source, id) => {
      const scheduledEventId = createScheduledEventId(source, id);
      const timeout = timerMap[scheduledEventId];
      delete timerMap[scheduledEventId];
      delete system._snapshot._scheduledEvents[scheduledEventId];
      if (timeout !== void 0) {
        clock.clearTimeout(timeout);
      }
    },
    cancelAll: (actorRef) => {
      for (const scheduledEventId in system._snapshot._scheduledEvents) {
        const scheduledEvent = system._snapshot._scheduledEvents[scheduledEventId];
        if (scheduledEvent.source === actorRef) {
          scheduler.cancel(actorRef, scheduledEvent.id);
        }
      }
    }
  };
  const sendInspectionEvent = (event) => {
    if (!inspectionObservers.size) {
      return;
    }
    const resolvedInspectionEvent = {
      ...event,
      rootId: rootActor.sessionId
    };
    inspectionObservers.forEach((observer) => observer.next?.(resolvedInspectionEvent));
  };
  const system = {
    _snapshot: {
      _scheduledEvents: (options?.snapshot && options.snapshot.scheduler) ?? {}
    },
    _bookId: () => `x:${idCounter++}`,
    _register: (sessionId, actorRef) => {
      children.set(sessionId, actorRef);
      return sessionId;
    },
    _unregister: (actorRef) => {
      children.delete(actorRef.sessionId);
      const systemId = reverseKeyedActors.get(actorRef);
      if (systemId !== void 0) {
        keyedActors.delete(systemId);
        reverseKeyedActors.delete(actorRef);
      }
    },
    get: (systemId) => {
      return keyedActors.get(systemId);
    },
    getAll: () => {
      return Object.fromEntries(keyedActors.entries());
    },
    _set: (systemId, actorRef) => {
      const existing = keyedActors.get(systemId);
      if (existing && existing !== actorRef) {
        throw new Error(`Actor with system ID '${systemId}' already exists.`);
      }
      keyedActors.set(systemId, actorRef);
      reverseKeyedActors.set(actorRef, systemId);
    },
    inspect: (observerOrFn) => {
      const observer = toObserver(observerOrFn);
      inspectionObservers.add(observer);
      return {
        unsubscribe() {
          inspectionObservers.delete(observer);
        }
      };
    },
    _sendInspectionEvent: sendInspectionEvent,
    _relay: (source, target, event) => {
      system._sendInspectionEvent({
        type: "@xstate.event",
        sourceRef: source,
        actorRef: target,
        event
      });
      target._send(event);
    },
    scheduler,
    getSnapshot: () => {
      return {
        _scheduledEvents: {
          ...system._snapshot._scheduledEvents
        }
      };
    },
    start: () => {
      const scheduledEvents = system._snapshot._scheduledEvents;
      system._snapshot._scheduledEvents = {};
      for (const scheduledId in scheduledEvents) {
        const {
          source,
          target,
          event,
          delay,
          id
        } = scheduledEvents[scheduledId];
        scheduler.schedule(source, target, event, delay, id);
      }
    },
    _clock: clock,
    _logger: logger
  };
  return system;
}
var executingCustomAction = false;
var $$ACTOR_TYPE = 1;
var ProcessingStatus = /* @__PURE__ */ (function(ProcessingStatus2) {
  ProcessingStatus2[ProcessingStatus2["NotStarted"] = 0] = "NotStarted";
  ProcessingStatus2[ProcessingStatus2["Running"] = 1] = "Running";
  ProcessingStatus2[ProcessingStatus2["Stopped"] = 2] = "Stopped";
  return ProcessingStatus2;
})({});
var defaultOptions = {
  clock: {
    setTimeout: (fn, ms) => {
      return setTimeout(fn, ms);
    },
    clearTimeout: (id) => {
      return clearTimeout(id);
    }
  },
  logger: console.log.bind(console),
  devTools: false
};
var Actor = class {
  /**
   * Creates a new actor instance for the given logic with the provided options,
   * if any.
   *
   * @param logic The logic to create an actor from
   * @param options Actor options
   */
  constructor(logic, options) {
    this.logic = logic;
    this._snapshot = void 0;
    this.clock = void 0;
    this.options = void 0;
    this.id = void 0;
    this.mailbox = new Mailbox(this._process.bind(this));
    this.observers = /* @__PURE__ */ new Set();
    this.eventListeners = /* @__PURE__ */ new Map();
    this.logger = void 0;
    this._processingStatus = ProcessingStatus.NotStarted;
    this._parent = void 0;
    this._syncSnapshot = void 0;
    this.ref = void 0;
    this._actorScope = void 0;
    this.systemId = void 0;
    this.sessionId = void 0;
    this.system = void 0;
    this._doneEvent = void 0;
    this.src = void 0;
    this._deferred = [];
    const resolvedOptions = {
      ...defaultOptions,
      ...options
    };
    const {
      clock,
      logger,
      parent,
      syncSnapshot,
      id,
      systemId,
      inspect
    } = resolvedOptions;
    this.system = parent ? parent.system : createSystem(this, {
      clock,
      logger
    });
    if (inspect && !parent) {
      this.system.inspect(toObserver(inspect));
    }
    this.sessionId = this.system._bookId();
    this.id = id ?? this.sessionId;
    this.logger = options?.logger ?? this.system._logger;
    this.clock = options?.clock ?? this.system._clock;
    this._parent = parent;
    this._syncSnapshot = syncSnapshot;
    this.options = resolvedOptions;
    this.src = resolvedOptions.src ?? logic;
    this.ref = this;
    this._actorScope = {
      self: this,
      id: this.id,
      sessionId: this.sessionId,
      logger: this.logger,
      defer: (fn) => {
        this._deferred.push(fn);
      },
      system: this.system,
      stopChild: (child) => {
        if (child._parent !== this) {
          throw new Error(`Cannot stop child actor ${child.id} of ${this.id} because it is not a child`);
        }
        child._stop();
      },
      emit: (emittedEvent) => {
        const listeners = this.eventListeners.get(emittedEvent.type);
        const wildcardListener = this.eventListeners.get("*");
        if (!listeners && !wildcardListener) {
          return;
        }
        const allListeners = [...listeners ? listeners.values() : [], ...wildcardListener ? wildcardListener.values() : []];
        for (const handler of allListeners) {
          try {
            handler(emittedEvent);
          } catch (err) {
            reportUnhandledError(err);
          }
        }
      },
      actionExecutor: (action) => {
        const exec = () => {
          this._actorScope.system._sendInspectionEvent({
            type: "@xstate.action",
            actorRef: this,
            action: {
              type: action.type,
              params: action.params
            }
          });
          if (!action.exec) {
            return;
          }
          const saveExecutingCustomAction = executingCustomAction;
          try {
            executingCustomAction = true;
            action.exec(action.info, action.params);
          } finally {
            executingCustomAction = saveExecutingCustomAction;
          }
        };
        if (this._processingStatus === ProcessingStatus.Running) {
          exec();
        } else {
          this._deferred.push(exec);
        }
      }
    };
    this.send = this.send.bind(this);
    this.system._sendInspectionEvent({
      type: "@xstate.actor",
      actorRef: this
    });
    if (systemId) {
      this.systemId = systemId;
      this.system._set(systemId, this);
    }
    this._initState(options?.snapshot ?? options?.state);
    if (systemId && this._snapshot.status !== "active") {
      this.system._unregister(this);
    }
  }
  _initState(persistedState) {
    try {
      this._snapshot = persistedState ? this.logic.restoreSnapshot ? this.logic.restoreSnapshot(persistedState, this._actorScope) : persistedState : this.logic.getInitialSnapshot(this._actorScope, this.options?.input);
    } catch (err) {
      this._snapshot = {
        status: "error",
        output: void 0,
        error: err
      };
    }
  }
  update(snapshot, event) {
    this._snapshot = snapshot;
    let deferredFn;
    while (deferredFn = this._deferred.shift()) {
      try {
        deferredFn();
      } catch (err) {
        this._deferred.length = 0;
        this._snapshot = {
          ...snapshot,
          status: "error",
          error: err
        };
      }
    }
    switch (this._snapshot.status) {
      case "active":
        for (const observer of this.observers) {
          try {
            observer.next?.(snapshot);
          } catch (err) {
            reportUnhandledError(err);
          }
        }
        break;
      case "done":
        for (const observer of this.observers) {
          try {
            observer.next?.(snapshot);
          } catch (err) {
            reportUnhandledError(err);
          }
        }
        this._stopProcedure();
        this._complete();
        this._doneEvent = createDoneActorEvent(this.id, this._snapshot.output);
        if (this._parent) {
          this.system._relay(this, this._parent, this._doneEvent);
        }
        break;
      case "error":
        this._error(this._snapshot.error);
        break;
    }
    this.system._sendInspectionEvent({
      type: "@xstate.snapshot",
      actorRef: this,
      event,
      snapshot
    });
  }
  /**
   * Subscribe an observer to an actor’s snapshot values.
   *
   * @remarks
   * The observer will receive the actor’s snapshot value when it is emitted.
   * The observer can be:
   *
   * - A plain function that receives the latest snapshot, or
   * - An observer object whose `.next(snapshot)` method receives the latest
   *   snapshot
   *
   * @example
   *
   * ```ts
   * // Observer as a plain function
   * const subscription = actor.subscribe((snapshot) => {
   *   console.log(snapshot);
   * });
   * ```
   *
   * @example
   *
   * ```ts
   * // Observer as an object
   * const subscription = actor.subscribe({
   *   next(snapshot) {
   *     console.log(snapshot);
   *   },
   *   error(err) {
   *     // ...
   *   },
   *   complete() {
   *     // ...
   *   }
   * });
   * ```
   *
   * The return value of `actor.subscribe(observer)` is a subscription object
   * that has an `.unsubscribe()` method. You can call
   * `subscription.unsubscribe()` to unsubscribe the observer:
   *
   * @example
   *
   * ```ts
   * const subscription = actor.subscribe((snapshot) => {
   *   // ...
   * });
   *
   * // Unsubscribe the observer
   * subscription.unsubscribe();
   * ```
   *
   * When the actor is stopped, all of its observers will automatically be
   * unsubscribed.
   *
   * @param observer - Either a plain function that receives the latest
   *   snapshot, or an observer object whose `.next(snapshot)` method receives
   *   the latest snapshot
   */
  subscribe(nextListenerOrObserver, errorListener, completeListener) {
    const observer = toObserver(nextListenerOrObserver, errorListener, completeListener);
    if (this._processingStatus !== ProcessingStatus.Stopped) {
      this.observers.add(observer);
    } else {
      switch (this._snapshot.status) {
        case "done":
          try {
            observer.complete?.();
          } catch (err) {
            reportUnhandledError(err);
          }
          break;
        case "error": {
          const err = this._snapshot.error;
          if (!observer.error) {
            reportUnhandledError(err);
          } else {
            try {
              observer.error(err);
            } catch (err2) {
              reportUnhandledError(err2);
            }
          }
          break;
        }
      }
    }
    return {
      unsubscribe: () => {
        this.observers.delete(observer);
      }
    };
  }
  on(type, handler) {
    let listeners = this.eventListeners.get(type);
    if (!listeners) {
      listeners = /* @__PURE__ */ new Set();
      this.eventListeners.set(type, listeners);
    }
    const wrappedHandler = handler.bind(void 0);
    listeners.add(wrappedHandler);
    return {
      unsubscribe: () => {
        listeners.delete(wrappedHandler);
      }
    };
  }
  select(selector, equalityFn = Object.is) {
    return {
      subscribe: (observerOrFn) => {
        const observer = toObserver(observerOrFn);
        const snapshot = this.getSnapshot();
        let previousSelected = selector(snapshot);
        return this.subscribe((snapshot2) => {
          const nextSelected = selector(snapshot2);
          if (!equalityFn(previousSelected, nextSelected)) {
            previousSelected = nextSelected;
            observer.next?.(nextSelected);
          }
        });
      },
      get: () => selector(this.getSnapshot())
    };
  }
  /** Starts the Actor from the initial state */
  start() {
    if (this._processingStatus === ProcessingStatus.Running) {
      return this;
    }
    if (this._syncSnapshot) {
      this.subscribe({
        next: (snapshot) => {
          if (snapshot.status === "active") {
            this.system._relay(this, this._parent, {
              type: `xstate.snapshot.${this.id}`,
              snapshot
            });
          }
        },
        error: () => {
        }
      });
    }
    this.system._register(this.sessionId, this);
    if (this.systemId) {
      this.system._set(this.systemId, this);
    }
    this._processingStatus = ProcessingStatus.Running;
    const initEvent = createInitEvent(this.options.input);
    this.system._sendInspectionEvent({
      type: "@xstate.event",
      sourceRef: this._parent,
      actorRef: this,
      event: initEvent
    });
    const status2 = this._snapshot.status;
    switch (status2) {
      case "done":
        this.update(this._snapshot, initEvent);
        return this;
      case "error":
        this._error(this._snapshot.error);
        return this;
    }
    if (!this._parent) {
      this.system.start();
    }
    if (this.logic.start) {
      try {
        this.logic.start(this._snapshot, this._actorScope);
      } catch (err) {
        this._snapshot = {
          ...this._snapshot,
          status: "error",
          error: err
        };
        this._error(err);
        return this;
      }
    }
    this.update(this._snapshot, initEvent);
    if (this.options.devTools) {
      this.attachDevTools();
    }
    this.mailbox.start();
    return this;
  }
  _process(event) {
    let nextState;
    let caughtError;
    try {
      nextState = this.logic.transition(this._snapshot, event, this._actorScope);
    } catch (err) {
      caughtError = {
        err
      };
    }
    if (caughtError) {
      const {
        err
      } = caughtError;
      this._snapshot = {
        ...this._snapshot,
        status: "error",
        error: err
      };
      this._error(err);
      return;
    }
    this.update(nextState, event);
    if (event.type === XSTATE_STOP) {
      this._stopProcedure();
      this._complete();
    }
  }
  _stop() {
    if (this._processingStatus === ProcessingStatus.Stopped) {
      return this;
    }
    this.mailbox.clear();
    if (this._processingStatus === ProcessingStatus.NotStarted) {
      this._processingStatus = ProcessingStatus.Stopped;
      return this;
    }
    this.mailbox.enqueue({
      type: XSTATE_STOP
    });
    return this;
  }
  /** Stops the Actor and unsubscribe all listeners. */
  stop() {
    if (this._parent) {
      throw new Error("A non-root actor cannot be stopped directly.");
    }
    return this._stop();
  }
  _complete() {
    for (const observer of this.observers) {
      try {
        observer.complete?.();
      } catch (err) {
        reportUnhandledError(err);
      }
    }
    this.observers.clear();
    this.eventListeners.clear();
  }
  _reportError(err) {
    if (!this.observers.size) {
      if (!this._parent) {
        reportUnhandledError(err);
      }
      this.eventListeners.clear();
      return;
    }
    let reportError = false;
    for (const observer of this.observers) {
      const errorListener = observer.error;
      reportError ||= !errorListener;
      try {
        errorListener?.(err);
      } catch (err2) {
        reportUnhandledError(err2);
      }
    }
    this.observers.clear();
    this.eventListeners.clear();
    if (reportError) {
      reportUnhandledError(err);
    }
  }
  _error(err) {
    this._stopProcedure();
    this._reportError(err);
    if (this._parent) {
      this.system._relay(this, this._parent, createErrorActorEvent(this.id, err));
    }
  }
  // TODO: atm children don't belong entirely to the actor so
  // in a way - it's not even super aware of them
  // so we can't stop them from here but we really should!
  // right now, they are being stopped within the machine's transition
  // but that could throw and leave us with "orphaned" active actors
  _stopProcedure() {
    if (this._processingStatus !== ProcessingStatus.Running) {
      return this;
    }
    this.system.scheduler.cancelAll(this);
    this.mailbox.clear();
    this.mailbox = new Mailbox(this._process.bind(this));
    this._processingStatus = ProcessingStatus.Stopped;
    this.system._unregister(this);
    return this;
  }
  /** @internal */
  _send(event) {
    if (this._processingStatus === ProcessingStatus.Stopped) {
      return;
    }
    this.mailbox.enqueue(event);
  }
  /**
   * Sends an event to the running Actor to trigger a transition.
   *
   * @param event The event to send
   */
  send(event) {
    this.system._relay(void 0, this, event);
  }
  attachDevTools() {
    const {
      devTools
    } = this.options;
    if (devTools) {
      const resolvedDevToolsAdapter = typeof devTools === "function" ? devTools : devToolsAdapter;
      resolvedDevToolsAdapter(this);
    }
  }
  toJSON() {
    return {
      xstate$$type: $$ACTOR_TYPE,
      id: this.id
    };
  }
  /**
   * Obtain the internal state of the actor, which can be persisted.
   *
   * @remarks
   * The internal state can be persisted from any actor, not only machines.
   *
   * Note that the persisted state is not the same as the snapshot from
   * {@link Actor.getSnapshot}. Persisted state represents the internal state of
   * the actor, while snapshots represent the actor's last emitted value.
   *
   * Can be restored with {@link ActorOptions.state}
   * @see https://stately.ai/docs/persistence
   */
  getPersistedSnapshot(options) {
    return this.logic.getPersistedSnapshot(this._snapshot, options);
  }
  [symbolObservable]() {
    return this;
  }
  /**
   * Read an actor’s snapshot synchronously.
   *
   * @remarks
   * The snapshot represent an actor's last emitted value.
   *
   * When an actor receives an event, its internal state may change. An actor
   * may emit a snapshot when a state transition occurs.
   *
   * Note that some actors, such as callback actors generated with
   * `fromCallback`, will not emit snapshots.
   * @see {@link Actor.subscribe} to subscribe to an actor’s snapshot values.
   * @see {@link Actor.getPersistedSnapshot} to persist the internal state of an actor (which is more than just a snapshot).
   */
  getSnapshot() {
    return this._snapshot;
  }
};
function createActor(logic, ...[options]) {
  return new Actor(logic, options);
}
function resolveCancel(_, snapshot, actionArgs, actionParams, {
  sendId
}) {
  const resolvedSendId = typeof sendId === "function" ? sendId(actionArgs, actionParams) : sendId;
  return [snapshot, {
    sendId: resolvedSendId
  }, void 0];
}
function executeCancel(actorScope, params) {
  actorScope.defer(() => {
    actorScope.system.scheduler.cancel(actorScope.self, params.sendId);
  });
}
function cancel(sendId) {
  function cancel2(_args, _params) {
  }
  cancel2.type = "xstate.cancel";
  cancel2.sendId = sendId;
  cancel2.resolve = resolveCancel;
  cancel2.execute = executeCancel;
  return cancel2;
}
function resolveSpawn(actorScope, snapshot, actionArgs, _actionParams, {
  id,
  systemId,
  src,
  input,
  syncSnapshot
}) {
  const logic = typeof src === "string" ? resolveReferencedActor(snapshot.machine, src) : src;
  const resolvedId = typeof id === "function" ? id(actionArgs) : id;
  let actorRef;
  let resolvedInput = void 0;
  if (logic) {
    resolvedInput = typeof input === "function" ? input({
      context: snapshot.context,
      event: actionArgs.event,
      self: actorScope.self
    }) : input;
    actorRef = createActor(logic, {
      id: resolvedId,
      src,
      parent: actorScope.self,
      syncSnapshot,
      systemId,
      input: resolvedInput
    });
  }
  return [cloneMachineSnapshot(snapshot, {
    children: {
      ...snapshot.children,
      [resolvedId]: actorRef
    }
  }), {
    id,
    systemId,
    actorRef,
    src,
    input: resolvedInput
  }, void 0];
}
function executeSpawn(actorScope, {
  actorRef
}) {
  if (!actorRef) {
    return;
  }
  actorScope.defer(() => {
    if (actorRef._processingStatus === ProcessingStatus.Stopped) {
      return;
    }
    actorRef.start();
  });
}
function spawnChild(...[src, {
  id,
  systemId,
  input,
  syncSnapshot = false
} = {}]) {
  function spawnChild2(_args, _params) {
  }
  spawnChild2.type = "xstate.spawnChild";
  spawnChild2.id = id;
  spawnChild2.systemId = systemId;
  spawnChild2.src = src;
  spawnChild2.input = input;
  spawnChild2.syncSnapshot = syncSnapshot;
  spawnChild2.resolve = resolveSpawn;
  spawnChild2.execute = executeSpawn;
  return spawnChild2;
}
function resolveStop(_, snapshot, args, actionParams, {
  actorRef
}) {
  const actorRefOrString = typeof actorRef === "function" ? actorRef(args, actionParams) : actorRef;
  const resolvedActorRef = typeof actorRefOrString === "string" ? snapshot.children[actorRefOrString] : actorRefOrString;
  let children = snapshot.children;
  if (resolvedActorRef) {
    children = {
      ...children
    };
    delete children[resolvedActorRef.id];
  }
  return [cloneMachineSnapshot(snapshot, {
    children
  }), resolvedActorRef, void 0];
}
function unregisterRecursively(actorScope, actorRef) {
  const snapshot = actorRef.getSnapshot();
  if (snapshot && "children" in snapshot) {
    for (const child of Object.values(snapshot.children)) {
      unregisterRecursively(actorScope, child);
    }
  }
  actorScope.system._unregister(actorRef);
}
function executeStop(actorScope, actorRef) {
  if (!actorRef) {
    return;
  }
  unregisterRecursively(actorScope, actorRef);
  if (actorRef._processingStatus !== ProcessingStatus.Running) {
    actorScope.stopChild(actorRef);
    return;
  }
  actorScope.defer(() => {
    actorScope.stopChild(actorRef);
  });
}
function stopChild(actorRef) {
  function stop2(_args, _params) {
  }
  stop2.type = "xstate.stopChild";
  stop2.actorRef = actorRef;
  stop2.resolve = resolveStop;
  stop2.execute = executeStop;
  return stop2;
}
function checkStateIn(snapshot, _, {
  stateValue
}) {
  if (typeof stateValue === "string" && isStateId(stateValue)) {
    const target = snapshot.machine.getStateNodeById(stateValue);
    return snapshot._nodes.some((sn) => sn === target);
  }
  return snapshot.matches(stateValue);
}
function stateIn(stateValue) {
  function stateIn2() {
    return false;
  }
  stateIn2.check = checkStateIn;
  stateIn2.stateValue = stateValue;
  return stateIn2;
}
function checkNot(snapshot, {
  context,
  event
}, {
  guards
}) {
  return !evaluateGuard(guards[0], context, event, snapshot);
}
function not(guard) {
  function not2(_args, _params) {
    return false;
  }
  not2.check = checkNot;
  not2.guards = [guard];
  return not2;
}
function checkAnd(snapshot, {
  context,
  event
}, {
  guards
}) {
  return guards.every((guard) => evaluateGuard(guard, context, event, snapshot));
}
function and(guards) {
  function and2(_args, _params) {
    return false;
  }
  and2.check = checkAnd;
  and2.guards = guards;
  return and2;
}
function evaluateGuard(guard, context, event, snapshot) {
  const {
    machine
  } = snapshot;
  const isInline = typeof guard === "function";
  const resolved = isInline ? guard : machine.implementations.guards[typeof guard === "string" ? guard : guard.type];
  if (!isInline && !resolved) {
    throw new Error(`Guard '${typeof guard === "string" ? guard : guard.type}' is not implemented.'.`);
  }
  if (typeof resolved !== "function") {
    return evaluateGuard(resolved, context, event, snapshot);
  }
  const guardArgs = {
    context,
    event
  };
  const guardParams = isInline || typeof guard === "string" ? void 0 : "params" in guard ? typeof guard.params === "function" ? guard.params({
    context,
    event
  }) : guard.params : void 0;
  if (!("check" in resolved)) {
    return resolved(guardArgs, guardParams);
  }
  const builtinGuard = resolved;
  return builtinGuard.check(
    snapshot,
    guardArgs,
    resolved
    // this holds all params
  );
}
function isAtomicStateNode(stateNode) {
  return stateNode.type === "atomic" || stateNode.type === "final";
}
function getChildren(stateNode) {
  return Object.values(stateNode.states).filter((sn) => sn.type !== "history");
}
function getProperAncestors(stateNode, toStateNode) {
  const ancestors = [];
  if (toStateNode === stateNode) {
    return ancestors;
  }
  let m = stateNode.parent;
  while (m && m !== toStateNode) {
    ancestors.push(m);
    m = m.parent;
  }
  return ancestors;
}
function getAllStateNodes(stateNodes) {
  const nodeSet = new Set(stateNodes);
  const adjList = getAdjList(nodeSet);
  for (const s of nodeSet) {
    if (s.type === "compound" && (!adjList.get(s) || !adjList.get(s).length)) {
      getInitialStateNodesWithTheirAncestors(s).forEach((sn) => nodeSet.add(sn));
    } else {
      if (s.type === "parallel") {
        for (const child of getChildren(s)) {
          if (child.type === "history") {
            continue;
          }
          if (!nodeSet.has(child)) {
            const initialStates = getInitialStateNodesWithTheirAncestors(child);
            for (const initialStateNode of initialStates) {
              nodeSet.add(initialStateNode);
            }
          }
        }
      }
    }
  }
  for (const s of nodeSet) {
    let m = s.parent;
    while (m) {
      nodeSet.add(m);
      m = m.parent;
    }
  }
  return nodeSet;
}
function getValueFromAdj(baseNode, adjList) {
  const childStateNodes = adjList.get(baseNode);
  if (!childStateNodes) {
    return {};
  }
  if (baseNode.type === "compound") {
    const childStateNode = childStateNodes[0];
    if (childStateNode) {
      if (isAtomicStateNode(childStateNode)) {
        return childStateNode.key;
      }
    } else {
      return {};
    }
  }
  const stateValue = {};
  for (const childStateNode of childStateNodes) {
    stateValue[childStateNode.key] = getValueFromAdj(childStateNode, adjList);
  }
  return stateValue;
}
function getAdjList(stateNodes) {
  const adjList = /* @__PURE__ */ new Map();
  for (const s of stateNodes) {
    if (!adjList.has(s)) {
      adjList.set(s, []);
    }
    if (s.parent) {
      if (!adjList.has(s.parent)) {
        adjList.set(s.parent, []);
      }
      adjList.get(s.parent).push(s);
    }
  }
  return adjList;
}
function getStateValue(rootNode, stateNodes) {
  const config = getAllStateNodes(stateNodes);
  return getValueFromAdj(rootNode, getAdjList(config));
}
function isInFinalState(stateNodeSet, stateNode) {
  if (stateNode.type === "compound") {
    return getChildren(stateNode).some((s) => s.type === "final" && stateNodeSet.has(s));
  }
  if (stateNode.type === "parallel") {
    return getChildren(stateNode).every((sn) => isInFinalState(stateNodeSet, sn));
  }
  return stateNode.type === "final";
}
var isStateId = (str2) => str2[0] === STATE_IDENTIFIER;
function getCandidates(stateNode, receivedEventType) {
  const exactMatch = stateNode.transitions.get(receivedEventType);
  const wildcardCandidates = [...stateNode.transitions.keys()].filter((eventDescriptor) => eventDescriptor !== receivedEventType && matchesEventDescriptor(receivedEventType, eventDescriptor)).sort((a, b) => b.length - a.length).flatMap((key) => stateNode.transitions.get(key));
  return exactMatch ? [...exactMatch, ...wildcardCandidates] : wildcardCandidates;
}
function getDelayedTransitions(stateNode) {
  const afterConfig = stateNode.config.after;
  if (!afterConfig) {
    return [];
  }
  const mutateEntryExit = (delay) => {
    const afterEvent = createAfterEvent(delay, stateNode.id);
    const eventType = afterEvent.type;
    stateNode.entry.push(raise(afterEvent, {
      id: eventType,
      delay
    }));
    stateNode.exit.push(cancel(eventType));
    return eventType;
  };
  const delayedTransitions = Object.keys(afterConfig).flatMap((delay) => {
    const configTransition = afterConfig[delay];
    const resolvedTransition = typeof configTransition === "string" ? {
      target: configTransition
    } : configTransition;
    const resolvedDelay = Number.isNaN(+delay) ? delay : +delay;
    const eventType = mutateEntryExit(resolvedDelay);
    return toArray(resolvedTransition).map((transition) => ({
      ...transition,
      event: eventType,
      delay: resolvedDelay
    }));
  });
  return delayedTransitions.map((delayedTransition) => {
    const {
      delay
    } = delayedTransition;
    return {
      ...formatTransition(stateNode, delayedTransition.event, delayedTransition),
      delay
    };
  });
}
function formatTransition(stateNode, descriptor, transitionConfig) {
  const normalizedTarget = normalizeTarget(transitionConfig.target);
  const reenter = transitionConfig.reenter ?? false;
  const target = resolveTarget(stateNode, normalizedTarget);
  const transition = {
    ...transitionConfig,
    actions: toArray(transitionConfig.actions),
    guard: transitionConfig.guard,
    target,
    source: stateNode,
    reenter,
    eventType: descriptor,
    toJSON: () => ({
      ...transition,
      source: `#${stateNode.id}`,
      target: target ? target.map((t) => `#${t.id}`) : void 0
    })
  };
  return transition;
}
function formatTransitions(stateNode) {
  const transitions = /* @__PURE__ */ new Map();
  if (stateNode.config.on) {
    for (const descriptor of Object.keys(stateNode.config.on)) {
      if (descriptor === NULL_EVENT) {
        throw new Error('Null events ("") cannot be specified as a transition key. Use `always: { ... }` instead.');
      }
      const transitionsConfig = stateNode.config.on[descriptor];
      transitions.set(descriptor, toTransitionConfigArray(transitionsConfig).map((t) => formatTransition(stateNode, descriptor, t)));
    }
  }
  if (stateNode.config.onDone) {
    const descriptor = `xstate.done.state.${stateNode.id}`;
    transitions.set(descriptor, toTransitionConfigArray(stateNode.config.onDone).map((t) => formatTransition(stateNode, descriptor, t)));
  }
  for (const invokeDef of stateNode.invoke) {
    if (invokeDef.onDone) {
      const descriptor = `xstate.done.actor.${invokeDef.id}`;
      transitions.set(descriptor, toTransitionConfigArray(invokeDef.onDone).map((t) => formatTransition(stateNode, descriptor, t)));
    }
    if (invokeDef.onError) {
      const descriptor = `xstate.error.actor.${invokeDef.id}`;
      transitions.set(descriptor, toTransitionConfigArray(invokeDef.onError).map((t) => formatTransition(stateNode, descriptor, t)));
    }
    if (invokeDef.onSnapshot) {
      const descriptor = `xstate.snapshot.${invokeDef.id}`;
      transitions.set(descriptor, toTransitionConfigArray(invokeDef.onSnapshot).map((t) => formatTransition(stateNode, descriptor, t)));
    }
  }
  for (const delayedTransition of stateNode.after) {
    let existing = transitions.get(delayedTransition.eventType);
    if (!existing) {
      existing = [];
      transitions.set(delayedTransition.eventType, existing);
    }
    existing.push(delayedTransition);
  }
  return transitions;
}
function formatRouteTransitions(rootStateNode) {
  const routeTransitions = [];
  const collectRoutes = (states) => {
    Object.values(states).forEach((sn) => {
      if (sn.config.route && sn.config.id) {
        const routeId = sn.config.id;
        const userGuard = sn.config.route.guard;
        const routeMatches = ({
          event
        }) => event.to === `#${routeId}`;
        const transition = {
          ...sn.config.route,
          guard: userGuard ? and([routeMatches, userGuard]) : routeMatches,
          target: `#${routeId}`
        };
        routeTransitions.push(formatTransition(rootStateNode, "xstate.route", transition));
      }
      if (sn.states) {
        collectRoutes(sn.states);
      }
    });
  };
  collectRoutes(rootStateNode.states);
  if (routeTransitions.length > 0) {
    rootStateNode.transitions.set("xstate.route", routeTransitions);
  }
}
function formatInitialTransition(stateNode, _target) {
  const resolvedTarget = typeof _target === "string" ? stateNode.states[_target] : _target ? stateNode.states[_target.target] : void 0;
  if (!resolvedTarget && _target) {
    throw new Error(
      // oxlint-disable-next-line typescript/restrict-template-expressions, typescript/no-base-to-string
      `Initial state node "${_target}" not found on parent state node #${stateNode.id}`
    );
  }
  const transition = {
    source: stateNode,
    actions: !_target || typeof _target === "string" ? [] : toArray(_target.actions),
    eventType: null,
    reenter: false,
    target: resolvedTarget ? [resolvedTarget] : [],
    meta: typeof _target === "object" ? _target.meta : void 0,
    description: typeof _target === "object" ? _target.description : void 0,
    toJSON: () => ({
      ...transition,
      source: `#${stateNode.id}`,
      target: resolvedTarget ? [`#${resolvedTarget.id}`] : []
    })
  };
  return transition;
}
function resolveTarget(stateNode, targets) {
  if (targets === void 0) {
    return void 0;
  }
  return targets.map((target) => {
    if (typeof target !== "string") {
      return target;
    }
    if (isStateId(target)) {
      return stateNode.machine.getStateNodeById(target);
    }
    const isInternalTarget = target[0] === STATE_DELIMITER;
    if (isInternalTarget && !stateNode.parent) {
      return getStateNodeByPath(stateNode, target.slice(1));
    }
    const resolvedTarget = isInternalTarget ? stateNode.key + target : target;
    if (stateNode.parent) {
      try {
        const targetStateNode = getStateNodeByPath(stateNode.parent, resolvedTarget);
        return targetStateNode;
      } catch (err) {
        throw new Error(`Invalid transition definition for state node '${stateNode.id}':
${err.message}`);
      }
    } else {
      throw new Error(`Invalid target: "${target}" is not a valid target from the root node. Did you mean ".${target}"?`);
    }
  });
}
function resolveHistoryDefaultTransition(stateNode) {
  const normalizedTarget = normalizeTarget(stateNode.config.target);
  if (!normalizedTarget) {
    if (stateNode.parent.type === "parallel") {
      return {
        target: [stateNode.parent]
      };
    }
    return stateNode.parent.initial;
  }
  return {
    target: normalizedTarget.map((t) => typeof t === "string" ? getStateNodeByPath(stateNode.parent, t) : t)
  };
}
function isHistoryNode(stateNode) {
  return stateNode.type === "history";
}
function getInitialStateNodesWithTheirAncestors(stateNode) {
  const states = getInitialStateNodes(stateNode);
  for (const initialState of states) {
    for (const ancestor of getProperAncestors(initialState, stateNode)) {
      states.add(ancestor);
    }
  }
  return states;
}
function getInitialStateNodes(stateNode) {
  const set2 = /* @__PURE__ */ new Set();
  function iter(descStateNode) {
    if (set2.has(descStateNode)) {
      return;
    }
    set2.add(descStateNode);
    if (descStateNode.type === "compound") {
      iter(descStateNode.initial.target[0]);
    } else if (descStateNode.type === "parallel") {
      for (const child of getChildren(descStateNode)) {
        iter(child);
      }
    }
  }
  iter(stateNode);
  return set2;
}
function getStateNode(stateNode, stateKey) {
  if (isStateId(stateKey)) {
    return stateNode.machine.getStateNodeById(stateKey);
  }
  if (!stateNode.states) {
    throw new Error(`Unable to retrieve child state '${stateKey}' from '${stateNode.id}'; no child states exist.`);
  }
  const result = stateNode.states[stateKey];
  if (!result) {
    throw new Error(`Child state '${stateKey}' does not exist on '${stateNode.id}'`);
  }
  return result;
}
function getStateNodeByPath(stateNode, statePath) {
  if (typeof statePath === "string" && isStateId(statePath)) {
    try {
      return stateNode.machine.getStateNodeById(statePath);
    } catch {
    }
  }
  const arrayStatePath = toStatePath(statePath).slice();
  let currentStateNode = stateNode;
  while (arrayStatePath.length) {
    const key = arrayStatePath.shift();
    if (!key.length) {
      break;
    }
    currentStateNode = getStateNode(currentStateNode, key);
  }
  return currentStateNode;
}
function getStateNodes(stateNode, stateValue) {
  if (typeof stateValue === "string") {
    const childStateNode = stateNode.states[stateValue];
    if (!childStateNode) {
      throw new Error(`State '${stateValue}' does not exist on '${stateNode.id}'`);
    }
    return [stateNode, childStateNode];
  }
  const childStateKeys = Object.keys(stateValue);
  const childStateNodes = childStateKeys.map((subStateKey) => getStateNode(stateNode, subStateKey)).filter(Boolean);
  return [stateNode.machine.root, stateNode].concat(childStateNodes, childStateKeys.reduce((allSubStateNodes, subStateKey) => {
    const subStateNode = getStateNode(stateNode, subStateKey);
    if (!subStateNode) {
      return allSubStateNodes;
    }
    const subStateNodes = getStateNodes(subStateNode, stateValue[subStateKey]);
    return allSubStateNodes.concat(subStateNodes);
  }, []));
}
function transitionAtomicNode(stateNode, stateValue, snapshot, event) {
  const childStateNode = getStateNode(stateNode, stateValue);
  const next = childStateNode.next(snapshot, event);
  if (!next || !next.length) {
    return stateNode.next(snapshot, event);
  }
  return next;
}
function transitionCompoundNode(stateNode, stateValue, snapshot, event) {
  const subStateKeys = Object.keys(stateValue);
  const childStateNode = getStateNode(stateNode, subStateKeys[0]);
  const next = transitionNode(childStateNode, stateValue[subStateKeys[0]], snapshot, event);
  if (!next || !next.length) {
    return stateNode.next(snapshot, event);
  }
  return next;
}
function transitionParallelNode(stateNode, stateValue, snapshot, event) {
  const allInnerTransitions = [];
  for (const subStateKey of Object.keys(stateValue)) {
    const subStateValue = stateValue[subStateKey];
    if (!subStateValue) {
      continue;
    }
    const subStateNode = getStateNode(stateNode, subStateKey);
    const innerTransitions = transitionNode(subStateNode, subStateValue, snapshot, event);
    if (innerTransitions) {
      allInnerTransitions.push(...innerTransitions);
    }
  }
  if (!allInnerTransitions.length) {
    return stateNode.next(snapshot, event);
  }
  return allInnerTransitions;
}
function transitionNode(stateNode, stateValue, snapshot, event) {
  if (typeof stateValue === "string") {
    return transitionAtomicNode(stateNode, stateValue, snapshot, event);
  }
  if (Object.keys(stateValue).length === 1) {
    return transitionCompoundNode(stateNode, stateValue, snapshot, event);
  }
  return transitionParallelNode(stateNode, stateValue, snapshot, event);
}
function getHistoryNodes(stateNode) {
  return Object.keys(stateNode.states).map((key) => stateNode.states[key]).filter((sn) => sn.type === "history");
}
function isDescendant(childStateNode, parentStateNode) {
  let marker = childStateNode;
  while (marker.parent && marker.parent !== parentStateNode) {
    marker = marker.parent;
  }
  return marker.parent === parentStateNode;
}
function hasIntersection(s1, s2) {
  const set1 = new Set(s1);
  const set2 = new Set(s2);
  for (const item of set1) {
    if (set2.has(item)) {
      return true;
    }
  }
  for (const item of set2) {
    if (set1.has(item)) {
      return true;
    }
  }
  return false;
}
function removeConflictingTransitions(enabledTransitions, stateNodeSet, historyValue) {
  const filteredTransitions = /* @__PURE__ */ new Set();
  for (const t1 of enabledTransitions) {
    let t1Preempted = false;
    const transitionsToRemove = /* @__PURE__ */ new Set();
    for (const t2 of filteredTransitions) {
      if (hasIntersection(computeExitSet([t1], stateNodeSet, historyValue), computeExitSet([t2], stateNodeSet, historyValue))) {
        if (isDescendant(t1.source, t2.source)) {
          transitionsToRemove.add(t2);
        } else {
          t1Preempted = true;
          break;
        }
      }
    }
    if (!t1Preempted) {
      for (const t3 of transitionsToRemove) {
        filteredTransitions.delete(t3);
      }
      filteredTransitions.add(t1);
    }
  }
  return Array.from(filteredTransitions);
}
function findLeastCommonAncestor(stateNodes) {
  const [head, ...tail] = stateNodes;
  for (const ancestor of getProperAncestors(head, void 0)) {
    if (tail.every((sn) => isDescendant(sn, ancestor))) {
      return ancestor;
    }
  }
}
function getEffectiveTargetStates(transition, historyValue) {
  if (!transition.target) {
    return [];
  }
  const targets = /* @__PURE__ */ new Set();
  for (const targetNode of transition.target) {
    if (isHistoryNode(targetNode)) {
      if (historyValue[targetNode.id]) {
        for (const node of historyValue[targetNode.id]) {
          targets.add(node);
        }
      } else {
        for (const node of getEffectiveTargetStates(resolveHistoryDefaultTransition(targetNode), historyValue)) {
          targets.add(node);
        }
      }
    } else {
      targets.add(targetNode);
    }
  }
  return [...targets];
}
function getTransitionDomain(transition, historyValue) {
  const targetStates = getEffectiveTargetStates(transition, historyValue);
  if (!targetStates) {
    return;
  }
  if (!transition.reenter && targetStates.every((target) => target === transition.source || isDescendant(target, transition.source))) {
    return transition.source;
  }
  const lca = findLeastCommonAncestor(targetStates.concat(transition.source));
  if (lca) {
    return lca;
  }
  if (transition.reenter) {
    return;
  }
  return transition.source.machine.root;
}
function computeExitSet(transitions, stateNodeSet, historyValue) {
  const statesToExit = /* @__PURE__ */ new Set();
  for (const t of transitions) {
    if (t.target?.length) {
      const domain = getTransitionDomain(t, historyValue);
      if (t.reenter && t.source === domain) {
        statesToExit.add(domain);
      }
      for (const stateNode of stateNodeSet) {
        if (isDescendant(stateNode, domain)) {
          statesToExit.add(stateNode);
        }
      }
    }
  }
  return [...statesToExit];
}
function areStateNodeCollectionsEqual(prevStateNodes, nextStateNodeSet) {
  if (prevStateNodes.length !== nextStateNodeSet.size) {
    return false;
  }
  for (const node of prevStateNodes) {
    if (!nextStateNodeSet.has(node)) {
      return false;
    }
  }
  return true;
}
function initialMicrostep(root, preInitialState, actorScope, initEvent, internalQueue) {
  return microstep([{
    target: [...getInitialStateNodes(root)],
    source: root,
    reenter: true,
    actions: [],
    eventType: null,
    toJSON: null
  }], preInitialState, actorScope, initEvent, true, internalQueue);
}
function microstep(transitions, currentSnapshot, actorScope, event, isInitial, internalQueue) {
  const actions = [];
  if (!transitions.length) {
    return [currentSnapshot, actions];
  }
  const originalExecutor = actorScope.actionExecutor;
  actorScope.actionExecutor = (action) => {
    actions.push(action);
    originalExecutor(action);
  };
  try {
    const mutStateNodeSet = new Set(currentSnapshot._nodes);
    let historyValue = currentSnapshot.historyValue;
    const filteredTransitions = removeConflictingTransitions(transitions, mutStateNodeSet, historyValue);
    let nextState = currentSnapshot;
    if (!isInitial) {
      [nextState, historyValue] = exitStates(nextState, event, actorScope, filteredTransitions, mutStateNodeSet, historyValue, internalQueue, actorScope.actionExecutor);
    }
    nextState = resolveActionsAndContext(nextState, event, actorScope, filteredTransitions.flatMap((t) => t.actions), internalQueue, void 0);
    nextState = enterStates(nextState, event, actorScope, filteredTransitions, mutStateNodeSet, internalQueue, historyValue, isInitial);
    const nextStateNodes = [...mutStateNodeSet];
    if (nextState.status === "done") {
      nextState = resolveActionsAndContext(nextState, event, actorScope, nextStateNodes.sort((a, b) => b.order - a.order).flatMap((state) => state.exit), internalQueue, void 0);
    }
    try {
      if (historyValue === currentSnapshot.historyValue && areStateNodeCollectionsEqual(currentSnapshot._nodes, mutStateNodeSet)) {
        return [nextState, actions];
      }
      return [cloneMachineSnapshot(nextState, {
        _nodes: nextStateNodes,
        historyValue
      }), actions];
    } catch (e) {
      throw e;
    }
  } finally {
    actorScope.actionExecutor = originalExecutor;
  }
}
function getMachineOutput(snapshot, event, actorScope, rootNode, rootCompletionNode) {
  if (rootNode.output === void 0) {
    return;
  }
  const doneStateEvent = createDoneStateEvent(rootCompletionNode.id, rootCompletionNode.output !== void 0 && rootCompletionNode.parent ? resolveOutput(rootCompletionNode.output, snapshot.context, event, actorScope.self) : void 0);
  return resolveOutput(rootNode.output, snapshot.context, doneStateEvent, actorScope.self);
}
function enterStates(currentSnapshot, event, actorScope, filteredTransitions, mutStateNodeSet, internalQueue, historyValue, isInitial) {
  let nextSnapshot = currentSnapshot;
  const statesToEnter = /* @__PURE__ */ new Set();
  const statesForDefaultEntry = /* @__PURE__ */ new Set();
  computeEntrySet(filteredTransitions, historyValue, statesForDefaultEntry, statesToEnter);
  if (isInitial) {
    statesForDefaultEntry.add(currentSnapshot.machine.root);
  }
  const completedNodes = /* @__PURE__ */ new Set();
  for (const stateNodeToEnter of [...statesToEnter].sort((a, b) => a.order - b.order)) {
    mutStateNodeSet.add(stateNodeToEnter);
    const actions = [];
    actions.push(...stateNodeToEnter.entry);
    for (const invokeDef of stateNodeToEnter.invoke) {
      actions.push(spawnChild(invokeDef.src, {
        ...invokeDef,
        syncSnapshot: !!invokeDef.onSnapshot
      }));
    }
    if (statesForDefaultEntry.has(stateNodeToEnter)) {
      const initialActions = stateNodeToEnter.initial.actions;
      actions.push(...initialActions);
    }
    nextSnapshot = resolveActionsAndContext(nextSnapshot, event, actorScope, actions, internalQueue, stateNodeToEnter.invoke.map((invokeDef) => invokeDef.id));
    if (stateNodeToEnter.type === "final") {
      const parent = stateNodeToEnter.parent;
      let ancestorMarker = parent?.type === "parallel" ? parent : parent?.parent;
      let rootCompletionNode = ancestorMarker || stateNodeToEnter;
      if (parent?.type === "compound") {
        internalQueue.push(createDoneStateEvent(parent.id, stateNodeToEnter.output !== void 0 ? resolveOutput(stateNodeToEnter.output, nextSnapshot.context, event, actorScope.self) : void 0));
      }
      while (ancestorMarker?.type === "parallel" && !completedNodes.has(ancestorMarker) && isInFinalState(mutStateNodeSet, ancestorMarker)) {
        completedNodes.add(ancestorMarker);
        internalQueue.push(createDoneStateEvent(ancestorMarker.id));
        rootCompletionNode = ancestorMarker;
        ancestorMarker = ancestorMarker.parent;
      }
      if (ancestorMarker) {
        continue;
      }
      nextSnapshot = cloneMachineSnapshot(nextSnapshot, {
        status: "done",
        output: getMachineOutput(nextSnapshot, event, actorScope, nextSnapshot.machine.root, rootCompletionNode)
      });
    }
  }
  return nextSnapshot;
}
function computeEntrySet(transitions, historyValue, statesForDefaultEntry, statesToEnter) {
  for (const t of transitions) {
    const domain = getTransitionDomain(t, historyValue);
    for (const s of t.target || []) {
      if (!isHistoryNode(s) && // if the target is different than the source then it will *definitely* be entered
      (t.source !== s || // we know that the domain can't lie within the source
      // if it's different than the source then it's outside of it and it means that the target has to be entered as well
      t.source !== domain || // reentering transitions always enter the target, even if it's the source itself
      t.reenter)) {
        statesToEnter.add(s);
        statesForDefaultEntry.add(s);
      }
      addDescendantStatesToEnter(s, historyValue, statesForDefaultEntry, statesToEnter);
    }
    const targetStates = getEffectiveTargetStates(t, historyValue);
    for (const s of targetStates) {
      const ancestors = getProperAncestors(s, domain);
      if (domain?.type === "parallel") {
        ancestors.push(domain);
      }
      addAncestorStatesToEnter(statesToEnter, historyValue, statesForDefaultEntry, ancestors, !t.source.parent && t.reenter ? void 0 : domain);
    }
  }
}
function addDescendantStatesToEnter(stateNode, historyValue, statesForDefaultEntry, statesToEnter) {
  if (isHistoryNode(stateNode)) {
    if (historyValue[stateNode.id]) {
      const historyStateNodes = historyValue[stateNode.id];
      for (const s of historyStateNodes) {
        statesToEnter.add(s);
        addDescendantStatesToEnter(s, historyValue, statesForDefaultEntry, statesToEnter);
      }
      for (const s of historyStateNodes) {
        addProperAncestorStatesToEnter(s, stateNode.parent, statesToEnter, historyValue, statesForDefaultEntry);
      }
    } else {
      const historyDefaultTransition = resolveHistoryDefaultTransition(stateNode);
      for (const s of historyDefaultTransition.target) {
        statesToEnter.add(s);
        if (historyDefaultTransition === stateNode.parent?.initial) {
          statesForDefaultEntry.add(stateNode.parent);
        }
        addDescendantStatesToEnter(s, historyValue, statesForDefaultEntry, statesToEnter);
      }
      for (const s of historyDefaultTransition.target) {
        addProperAncestorStatesToEnter(s, stateNode.parent, statesToEnter, historyValue, statesForDefaultEntry);
      }
    }
  } else {
    if (stateNode.type === "compound") {
      const [initialState] = stateNode.initial.target;
      if (!isHistoryNode(initialState)) {
        statesToEnter.add(initialState);
        statesForDefaultEntry.add(initialState);
      }
      addDescendantStatesToEnter(initialState, historyValue, statesForDefaultEntry, statesToEnter);
      addProperAncestorStatesToEnter(initialState, stateNode, statesToEnter, historyValue, statesForDefaultEntry);
    } else {
      if (stateNode.type === "parallel") {
        for (const child of getChildren(stateNode).filter((sn) => !isHistoryNode(sn))) {
          if (![...statesToEnter].some((s) => isDescendant(s, child))) {
            if (!isHistoryNode(child)) {
              statesToEnter.add(child);
              statesForDefaultEntry.add(child);
            }
            addDescendantStatesToEnter(child, historyValue, statesForDefaultEntry, statesToEnter);
          }
        }
      }
    }
  }
}
function addAncestorStatesToEnter(statesToEnter, historyValue, statesForDefaultEntry, ancestors, reentrancyDomain) {
  for (const anc of ancestors) {
    if (!reentrancyDomain || isDescendant(anc, reentrancyDomain)) {
      statesToEnter.add(anc);
    }
    if (anc.type === "parallel") {
      for (const child of getChildren(anc).filter((sn) => !isHistoryNode(sn))) {
        if (![...statesToEnter].some((s) => isDescendant(s, child))) {
          statesToEnter.add(child);
          addDescendantStatesToEnter(child, historyValue, statesForDefaultEntry, statesToEnter);
        }
      }
    }
  }
}
function addProperAncestorStatesToEnter(stateNode, toStateNode, statesToEnter, historyValue, statesForDefaultEntry) {
  addAncestorStatesToEnter(statesToEnter, historyValue, statesForDefaultEntry, getProperAncestors(stateNode, toStateNode));
}
function exitStates(currentSnapshot, event, actorScope, transitions, mutStateNodeSet, historyValue, internalQueue, _actionExecutor) {
  let nextSnapshot = currentSnapshot;
  const statesToExit = computeExitSet(transitions, mutStateNodeSet, historyValue);
  statesToExit.sort((a, b) => b.order - a.order);
  let changedHistory;
  for (const exitStateNode of statesToExit) {
    for (const historyNode of getHistoryNodes(exitStateNode)) {
      let predicate;
      if (historyNode.history === "deep") {
        predicate = (sn) => isAtomicStateNode(sn) && isDescendant(sn, exitStateNode);
      } else {
        predicate = (sn) => {
          return sn.parent === exitStateNode;
        };
      }
      changedHistory ??= {
        ...historyValue
      };
      changedHistory[historyNode.id] = Array.from(mutStateNodeSet).filter(predicate);
    }
  }
  for (const s of statesToExit) {
    nextSnapshot = resolveActionsAndContext(nextSnapshot, event, actorScope, [...s.exit, ...s.invoke.map((def) => stopChild(def.id))], internalQueue, void 0);
    mutStateNodeSet.delete(s);
  }
  return [nextSnapshot, changedHistory || historyValue];
}
function getAction(machine, actionType) {
  return machine.implementations.actions[actionType];
}
function resolveAndExecuteActionsWithContext(currentSnapshot, event, actorScope, actions, extra, retries) {
  const {
    machine
  } = currentSnapshot;
  let intermediateSnapshot = currentSnapshot;
  for (const action of actions) {
    const isInline = typeof action === "function";
    const resolvedAction = isInline ? action : (
      // the existing type of `.actions` assumes non-nullable `TExpressionAction`
      // it's fine to cast this here to get a common type and lack of errors in the rest of the code
      // our logic below makes sure that we call those 2 "variants" correctly
      getAction(machine, typeof action === "string" ? action : action.type)
    );
    const actionArgs = {
      context: intermediateSnapshot.context,
      event,
      self: actorScope.self,
      system: actorScope.system
    };
    const actionParams = isInline || typeof action === "string" ? void 0 : "params" in action ? typeof action.params === "function" ? action.params({
      context: intermediateSnapshot.context,
      event
    }) : action.params : void 0;
    if (!resolvedAction || !("resolve" in resolvedAction)) {
      actorScope.actionExecutor({
        type: typeof action === "string" ? action : typeof action === "object" ? action.type : action.name || "(anonymous)",
        info: actionArgs,
        params: actionParams,
        exec: resolvedAction
      });
      continue;
    }
    const builtinAction = resolvedAction;
    const [nextState, params, actions2] = builtinAction.resolve(
      actorScope,
      intermediateSnapshot,
      actionArgs,
      actionParams,
      resolvedAction,
      // this holds all params
      extra
    );
    intermediateSnapshot = nextState;
    if ("retryResolve" in builtinAction) {
      retries?.push([builtinAction, params]);
    }
    if ("execute" in builtinAction) {
      actorScope.actionExecutor({
        type: builtinAction.type,
        info: actionArgs,
        params,
        exec: builtinAction.execute.bind(null, actorScope, params)
      });
    }
    if (actions2) {
      intermediateSnapshot = resolveAndExecuteActionsWithContext(intermediateSnapshot, event, actorScope, actions2, extra, retries);
    }
  }
  return intermediateSnapshot;
}
function resolveActionsAndContext(currentSnapshot, event, actorScope, actions, internalQueue, deferredActorIds) {
  const retries = deferredActorIds ? [] : void 0;
  const nextState = resolveAndExecuteActionsWithContext(currentSnapshot, event, actorScope, actions, {
    internalQueue,
    deferredActorIds
  }, retries);
  retries?.forEach(([builtinAction, params]) => {
    builtinAction.retryResolve(actorScope, nextState, params);
  });
  return nextState;
}
function macrostep(snapshot, event, actorScope, internalQueue) {
  let nextSnapshot = snapshot;
  const microsteps = [];
  function addMicrostep(step, event2, transitions) {
    actorScope.system._sendInspectionEvent({
      type: "@xstate.microstep",
      actorRef: actorScope.self,
      event: event2,
      snapshot: step[0],
      _transitions: transitions
    });
    microsteps.push(step);
  }
  if (event.type === XSTATE_STOP) {
    nextSnapshot = cloneMachineSnapshot(stopChildren(nextSnapshot, event, actorScope), {
      status: "stopped"
    });
    addMicrostep([nextSnapshot, []], event, []);
    return {
      snapshot: nextSnapshot,
      microsteps
    };
  }
  let nextEvent = event;
  if (nextEvent.type !== XSTATE_INIT) {
    const currentEvent = nextEvent;
    const isErr = isErrorActorEvent(currentEvent);
    const transitions = selectTransitions(currentEvent, nextSnapshot);
    if (isErr && !transitions.length) {
      nextSnapshot = cloneMachineSnapshot(stopChildren(nextSnapshot, currentEvent, actorScope), {
        status: "error",
        error: currentEvent.error
      });
      addMicrostep([nextSnapshot, []], currentEvent, []);
      return {
        snapshot: nextSnapshot,
        microsteps
      };
    }
    const step = microstep(
      transitions,
      snapshot,
      actorScope,
      nextEvent,
      false,
      // isInitial
      internalQueue
    );
    nextSnapshot = step[0];
    addMicrostep(step, currentEvent, transitions);
  }
  let shouldSelectEventlessTransitions = true;
  const maxIterations = snapshot.machine.options?.maxIterations ?? Infinity;
  let iterationCount = 0;
  while (nextSnapshot.status === "active") {
    iterationCount++;
    if (iterationCount > maxIterations) {
      throw new Error(`Infinite loop detected: the machine has processed more than ${maxIterations} microsteps without reaching a stable state. This usually happens when there's a cycle of transitions (e.g., eventless transitions or raised events causing state A -> B -> C -> A).`);
    }
    let enabledTransitions = shouldSelectEventlessTransitions ? selectEventlessTransitions(nextSnapshot, nextEvent) : [];
    const previousState = enabledTransitions.length ? nextSnapshot : void 0;
    if (!enabledTransitions.length) {
      if (!internalQueue.length) {
        break;
      }
      nextEvent = internalQueue.shift();
      enabledTransitions = selectTransitions(nextEvent, nextSnapshot);
    }
    const step = microstep(enabledTransitions, nextSnapshot, actorScope, nextEvent, false, internalQueue);
    nextSnapshot = step[0];
    shouldSelectEventlessTransitions = nextSnapshot !== previousState;
    addMicrostep(step, nextEvent, enabledTransitions);
  }
  if (nextSnapshot.status !== "active") {
    stopChildren(nextSnapshot, nextEvent, actorScope);
  }
  return {
    snapshot: nextSnapshot,
    microsteps
  };
}
function stopChildren(nextState, event, actorScope) {
  return resolveActionsAndContext(nextState, event, actorScope, Object.values(nextState.children).map((child) => stopChild(child)), [], void 0);
}
function selectTransitions(event, nextState) {
  return nextState.machine.getTransitionData(nextState, event);
}
function selectEventlessTransitions(nextState, event) {
  const enabledTransitionSet = /* @__PURE__ */ new Set();
  const atomicStates = nextState._nodes.filter(isAtomicStateNode);
  for (const stateNode of atomicStates) {
    loop: for (const s of [stateNode].concat(getProperAncestors(stateNode, void 0))) {
      if (!s.always) {
        continue;
      }
      for (const transition of s.always) {
        if (transition.guard === void 0 || evaluateGuard(transition.guard, nextState.context, event, nextState)) {
          enabledTransitionSet.add(transition);
          break loop;
        }
      }
    }
  }
  return removeConflictingTransitions(Array.from(enabledTransitionSet), new Set(nextState._nodes), nextState.historyValue);
}
function resolveStateValue(rootNode, stateValue) {
  const allStateNodes = getAllStateNodes(getStateNodes(rootNode, stateValue));
  return getStateValue(rootNode, [...allStateNodes]);
}
function isMachineSnapshot(value) {
  return !!value && typeof value === "object" && "machine" in value && "value" in value;
}
var machineSnapshotMatches = function matches(testValue) {
  return matchesState(testValue, this.value);
};
var machineSnapshotHasTag = function hasTag(tag) {
  return this.tags.has(tag);
};
var machineSnapshotCan = function can(event) {
  const transitionData = this.machine.getTransitionData(this, event);
  return !!transitionData?.length && // Check that at least one transition is not forbidden
  transitionData.some((t) => t.target !== void 0 || t.actions.length);
};
var machineSnapshotToJSON = function toJSON() {
  const {
    _nodes: nodes,
    tags,
    machine,
    getMeta: getMeta2,
    toJSON: toJSON2,
    can: can2,
    hasTag: hasTag2,
    matches: matches2,
    ...jsonValues
  } = this;
  return {
    ...jsonValues,
    tags: Array.from(tags)
  };
};
var machineSnapshotGetMeta = function getMeta() {
  return this._nodes.reduce((acc, stateNode) => {
    if (stateNode.meta !== void 0) {
      acc[stateNode.id] = stateNode.meta;
    }
    return acc;
  }, {});
};
function createMachineSnapshot(config, machine) {
  return {
    status: config.status,
    output: config.output,
    error: config.error,
    machine,
    context: config.context,
    _nodes: config._nodes,
    value: getStateValue(machine.root, config._nodes),
    tags: new Set(config._nodes.flatMap((sn) => sn.tags)),
    children: config.children,
    historyValue: config.historyValue || {},
    matches: machineSnapshotMatches,
    hasTag: machineSnapshotHasTag,
    can: machineSnapshotCan,
    getMeta: machineSnapshotGetMeta,
    toJSON: machineSnapshotToJSON
  };
}
function cloneMachineSnapshot(snapshot, config = {}) {
  return createMachineSnapshot({
    ...snapshot,
    ...config
  }, snapshot.machine);
}
function serializeHistoryValue(historyValue) {
  if (typeof historyValue !== "object" || historyValue === null) {
    return {};
  }
  const result = {};
  for (const key in historyValue) {
    const value = historyValue[key];
    if (Array.isArray(value)) {
      result[key] = value.map((item) => ({
        id: item.id
      }));
    }
  }
  return result;
}
function getPersistedSnapshot(snapshot, options) {
  const {
    _nodes: nodes,
    tags,
    machine,
    children,
    context,
    can: can2,
    hasTag: hasTag2,
    matches: matches2,
    getMeta: getMeta2,
    toJSON: toJSON2,
    ...jsonValues
  } = snapshot;
  const childrenJson = {};
  for (const id in children) {
    const child = children[id];
    childrenJson[id] = {
      snapshot: child.getPersistedSnapshot(options),
      src: child.src,
      systemId: child.systemId,
      syncSnapshot: child._syncSnapshot
    };
  }
  const persisted = {
    ...jsonValues,
    context: persistContext(context),
    children: childrenJson,
    historyValue: serializeHistoryValue(jsonValues.historyValue)
  };
  return persisted;
}
function persistContext(contextPart) {
  let copy;
  for (const key in contextPart) {
    const value = contextPart[key];
    if (value && typeof value === "object") {
      if ("sessionId" in value && "send" in value && "ref" in value) {
        copy ??= Array.isArray(contextPart) ? contextPart.slice() : {
          ...contextPart
        };
        copy[key] = {
          xstate$$type: $$ACTOR_TYPE,
          id: value.id
        };
      } else {
        const result = persistContext(value);
        if (result !== value) {
          copy ??= Array.isArray(contextPart) ? contextPart.slice() : {
            ...contextPart
          };
          copy[key] = result;
        }
      }
    }
  }
  return copy ?? contextPart;
}
function resolveRaise(_, snapshot, args, actionParams, {
  event: eventOrExpr,
  id,
  delay
}, {
  internalQueue
}) {
  const delaysMap = snapshot.machine.implementations.delays;
  if (typeof eventOrExpr === "string") {
    throw new Error(
      // oxlint-disable-next-line typescript/restrict-template-expressions
      `Only event objects may be used with raise; use raise({ type: "${eventOrExpr}" }) instead`
    );
  }
  const resolvedEvent = typeof eventOrExpr === "function" ? eventOrExpr(args, actionParams) : eventOrExpr;
  let resolvedDelay;
  if (typeof delay === "string") {
    const configDelay = delaysMap && delaysMap[delay];
    resolvedDelay = typeof configDelay === "function" ? configDelay(args, actionParams) : configDelay;
  } else {
    resolvedDelay = typeof delay === "function" ? delay(args, actionParams) : delay;
  }
  if (typeof resolvedDelay !== "number") {
    internalQueue.push(resolvedEvent);
  }
  return [snapshot, {
    event: resolvedEvent,
    id,
    delay: resolvedDelay
  }, void 0];
}
function executeRaise(actorScope, params) {
  const {
    event,
    delay,
    id
  } = params;
  if (typeof delay === "number") {
    actorScope.defer(() => {
      const self2 = actorScope.self;
      actorScope.system.scheduler.schedule(self2, self2, event, delay, id);
    });
    return;
  }
}
function raise(eventOrExpr, options) {
  function raise2(_args, _params) {
  }
  raise2.type = "xstate.raise";
  raise2.event = eventOrExpr;
  raise2.id = options?.id;
  raise2.delay = options?.delay;
  raise2.resolve = resolveRaise;
  raise2.execute = executeRaise;
  return raise2;
}

// node_modules/xstate/dist/assign-1f0d7720.esm.js
function createSpawner(actorScope, {
  machine,
  context
}, event, spawnedChildren) {
  const spawn = (src, options) => {
    if (typeof src === "string") {
      const logic = resolveReferencedActor(machine, src);
      if (!logic) {
        throw new Error(`Actor logic '${src}' not implemented in machine '${machine.id}'`);
      }
      const actorRef = createActor(logic, {
        id: options?.id,
        parent: actorScope.self,
        syncSnapshot: options?.syncSnapshot,
        input: typeof options?.input === "function" ? options.input({
          context,
          event,
          self: actorScope.self
        }) : options?.input,
        src,
        systemId: options?.systemId
      });
      spawnedChildren[actorRef.id] = actorRef;
      return actorRef;
    } else {
      const actorRef = createActor(src, {
        id: options?.id,
        parent: actorScope.self,
        syncSnapshot: options?.syncSnapshot,
        input: options?.input,
        src,
        systemId: options?.systemId
      });
      return actorRef;
    }
  };
  return (src, options) => {
    const actorRef = spawn(src, options);
    spawnedChildren[actorRef.id] = actorRef;
    actorScope.defer(() => {
      if (actorRef._processingStatus === ProcessingStatus.Stopped) {
        return;
      }
      actorRef.start();
    });
    return actorRef;
  };
}
function resolveAssign(actorScope, snapshot, actionArgs, actionParams, {
  assignment
}) {
  if (!snapshot.context) {
    throw new Error("Cannot assign to undefined `context`. Ensure that `context` is defined in the machine config.");
  }
  const spawnedChildren = {};
  const assignArgs = {
    context: snapshot.context,
    event: actionArgs.event,
    spawn: createSpawner(actorScope, snapshot, actionArgs.event, spawnedChildren),
    self: actorScope.self,
    system: actorScope.system
  };
  let partialUpdate = {};
  if (typeof assignment === "function") {
    partialUpdate = assignment(assignArgs, actionParams);
  } else {
    for (const key of Object.keys(assignment)) {
      const propAssignment = assignment[key];
      partialUpdate[key] = typeof propAssignment === "function" ? propAssignment(assignArgs, actionParams) : propAssignment;
    }
  }
  const updatedContext = Object.assign({}, snapshot.context, partialUpdate);
  return [cloneMachineSnapshot(snapshot, {
    context: updatedContext,
    children: Object.keys(spawnedChildren).length ? {
      ...snapshot.children,
      ...spawnedChildren
    } : snapshot.children
  }), void 0, void 0];
}
function assign(assignment) {
  function assign2(_args, _params) {
  }
  assign2.type = "xstate.assign";
  assign2.assignment = assignment;
  assign2.resolve = resolveAssign;
  return assign2;
}

// node_modules/xstate/dist/StateMachine-ae06a22b.esm.js
var cache = /* @__PURE__ */ new WeakMap();
function memo(object, key, fn) {
  let memoizedData = cache.get(object);
  if (!memoizedData) {
    memoizedData = {
      [key]: fn()
    };
    cache.set(object, memoizedData);
  } else if (!(key in memoizedData)) {
    memoizedData[key] = fn();
  }
  return memoizedData[key];
}
var EMPTY_OBJECT = {};
var toSerializableAction = (action) => {
  if (typeof action === "string") {
    return {
      type: action
    };
  }
  if (typeof action === "function") {
    if ("resolve" in action) {
      return {
        type: action.type
      };
    }
    return {
      type: action.name
    };
  }
  return action;
};
var StateNode = class _StateNode {
  constructor(config, options) {
    this.config = config;
    this.key = void 0;
    this.id = void 0;
    this.type = void 0;
    this.path = void 0;
    this.states = void 0;
    this.history = void 0;
    this.entry = void 0;
    this.exit = void 0;
    this.parent = void 0;
    this.machine = void 0;
    this.meta = void 0;
    this.output = void 0;
    this.order = -1;
    this.description = void 0;
    this.tags = [];
    this.transitions = void 0;
    this.always = void 0;
    this.parent = options._parent;
    this.key = options._key;
    this.machine = options._machine;
    this.path = this.parent ? this.parent.path.concat(this.key) : [];
    this.id = this.config.id || [this.machine.id, ...this.path].join(STATE_DELIMITER);
    this.type = this.config.type || (this.config.states && Object.keys(this.config.states).length ? "compound" : this.config.history ? "history" : "atomic");
    this.description = this.config.description;
    this.order = this.machine.idMap.size;
    this.machine.idMap.set(this.id, this);
    this.states = this.config.states ? mapValues(this.config.states, (stateConfig, key) => {
      const stateNode = new _StateNode(stateConfig, {
        _parent: this,
        _key: key,
        _machine: this.machine
      });
      return stateNode;
    }) : EMPTY_OBJECT;
    if (this.type === "compound" && !this.config.initial) {
      throw new Error(`No initial state specified for compound state node "#${this.id}". Try adding { initial: "${Object.keys(this.states)[0]}" } to the state config.`);
    }
    this.history = this.config.history === true ? "shallow" : this.config.history || false;
    this.entry = toArray(this.config.entry).slice();
    this.exit = toArray(this.config.exit).slice();
    this.meta = this.config.meta;
    this.output = this.type === "final" || !this.parent ? this.config.output : void 0;
    this.tags = toArray(config.tags).slice();
  }
  /** @internal */
  _initialize() {
    this.transitions = formatTransitions(this);
    if (this.config.always) {
      this.always = toTransitionConfigArray(this.config.always).map((t) => formatTransition(this, NULL_EVENT, t));
    }
    Object.keys(this.states).forEach((key) => {
      this.states[key]._initialize();
    });
  }
  /** The well-structured state node definition. */
  get definition() {
    return {
      id: this.id,
      key: this.key,
      version: this.machine.version,
      type: this.type,
      initial: this.initial ? {
        target: this.initial.target,
        source: this,
        actions: this.initial.actions.map(toSerializableAction),
        eventType: null,
        reenter: false,
        meta: this.initial.meta,
        description: this.initial.description,
        toJSON: () => ({
          target: this.initial.target.map((t) => `#${t.id}`),
          source: `#${this.id}`,
          actions: this.initial.actions.map(toSerializableAction),
          eventType: null,
          meta: this.initial.meta,
          description: this.initial.description
        })
      } : void 0,
      history: this.history,
      states: mapValues(this.states, (state) => state.definition),
      on: this.on,
      transitions: [...this.transitions.values()].flat().map((t) => ({
        ...t,
        actions: t.actions.map(toSerializableAction)
      })),
      entry: this.entry.map(toSerializableAction),
      exit: this.exit.map(toSerializableAction),
      meta: this.meta,
      order: this.order || -1,
      output: this.output,
      invoke: this.invoke,
      description: this.description,
      tags: this.tags
    };
  }
  /** @internal */
  toJSON() {
    return this.definition;
  }
  /** The logic invoked as actors by this state node. */
  get invoke() {
    return memo(this, "invoke", () => toArray(this.config.invoke).map((invokeConfig, i) => {
      const {
        src,
        systemId
      } = invokeConfig;
      const resolvedId = invokeConfig.id ?? createInvokeId(this.id, i);
      const sourceName = typeof src === "string" ? src : `xstate.invoke.${createInvokeId(this.id, i)}`;
      return {
        ...invokeConfig,
        src: sourceName,
        id: resolvedId,
        systemId,
        toJSON() {
          const {
            onDone,
            onError,
            ...invokeDefValues
          } = invokeConfig;
          return {
            ...invokeDefValues,
            type: "xstate.invoke",
            src: sourceName,
            id: resolvedId
          };
        }
      };
    }));
  }
  /** The mapping of events to transitions. */
  get on() {
    return memo(this, "on", () => {
      const transitions = this.transitions;
      return [...transitions].flatMap(([descriptor, t]) => t.map((t2) => [descriptor, t2])).reduce((map, [descriptor, transition]) => {
        map[descriptor] = map[descriptor] || [];
        map[descriptor].push(transition);
        return map;
      }, {});
    });
  }
  get after() {
    return memo(this, "delayedTransitions", () => getDelayedTransitions(this));
  }
  get initial() {
    return memo(this, "initial", () => formatInitialTransition(this, this.config.initial));
  }
  /** @internal */
  next(snapshot, event) {
    const eventType = event.type;
    const actions = [];
    let selectedTransition;
    const candidates = memo(this, `candidates-${eventType}`, () => getCandidates(this, eventType));
    for (const candidate of candidates) {
      const {
        guard
      } = candidate;
      const resolvedContext = snapshot.context;
      let guardPassed = false;
      try {
        guardPassed = !guard || evaluateGuard(guard, resolvedContext, event, snapshot);
      } catch (err) {
        const guardType = typeof guard === "string" ? guard : typeof guard === "object" ? guard.type : void 0;
        throw new Error(`Unable to evaluate guard ${guardType ? `'${guardType}' ` : ""}in transition for event '${eventType}' in state node '${this.id}':
${err.message}`);
      }
      if (guardPassed) {
        actions.push(...candidate.actions);
        selectedTransition = candidate;
        break;
      }
    }
    return selectedTransition ? [selectedTransition] : void 0;
  }
  /** All the event types accepted by this state node and its descendants. */
  get events() {
    return memo(this, "events", () => {
      const {
        states
      } = this;
      const events = new Set(this.ownEvents);
      if (states) {
        for (const stateId of Object.keys(states)) {
          const state = states[stateId];
          if (state.states) {
            for (const event of state.events) {
              events.add(`${event}`);
            }
          }
        }
      }
      return Array.from(events);
    });
  }
  /**
   * All the events that have transitions directly from this state node.
   *
   * Excludes any inert events.
   */
  get ownEvents() {
    const keys2 = Object.keys(Object.fromEntries(this.transitions));
    const events = new Set(keys2.filter((descriptor) => {
      return this.transitions.get(descriptor).some((transition) => !(!transition.target && !transition.actions.length && !transition.reenter));
    }));
    return Array.from(events);
  }
};
var STATE_IDENTIFIER2 = "#";
var StateMachine = class _StateMachine {
  constructor(config, implementations) {
    this.config = config;
    this.version = void 0;
    this.schemas = void 0;
    this.implementations = void 0;
    this.options = void 0;
    this.__xstatenode = true;
    this.idMap = /* @__PURE__ */ new Map();
    this.root = void 0;
    this.id = void 0;
    this.states = void 0;
    this.events = void 0;
    this.id = config.id || "(machine)";
    this.implementations = {
      actors: implementations?.actors ?? {},
      actions: implementations?.actions ?? {},
      delays: implementations?.delays ?? {},
      guards: implementations?.guards ?? {}
    };
    this.version = this.config.version;
    this.schemas = this.config.schemas;
    this.options = {
      maxIterations: Infinity,
      ...this.config.options
    };
    this.transition = this.transition.bind(this);
    this.getInitialSnapshot = this.getInitialSnapshot.bind(this);
    this.getPersistedSnapshot = this.getPersistedSnapshot.bind(this);
    this.restoreSnapshot = this.restoreSnapshot.bind(this);
    this.start = this.start.bind(this);
    this.root = new StateNode(config, {
      _key: this.id,
      _machine: this
    });
    this.root._initialize();
    formatRouteTransitions(this.root);
    this.states = this.root.states;
    this.events = this.root.events;
  }
  /**
   * Clones this state machine with the provided implementations.
   *
   * @param implementations Options (`actions`, `guards`, `actors`, `delays`) to
   *   recursively merge with the existing options.
   * @returns A new `StateMachine` instance with the provided implementations.
   */
  provide(implementations) {
    const {
      actions,
      guards,
      actors,
      delays
    } = this.implementations;
    return new _StateMachine(this.config, {
      actions: {
        ...actions,
        ...implementations.actions
      },
      guards: {
        ...guards,
        ...implementations.guards
      },
      actors: {
        ...actors,
        ...implementations.actors
      },
      delays: {
        ...delays,
        ...implementations.delays
      }
    });
  }
  resolveState(config) {
    const resolvedStateValue = resolveStateValue(this.root, config.value);
    const nodeSet = getAllStateNodes(getStateNodes(this.root, resolvedStateValue));
    return createMachineSnapshot({
      _nodes: [...nodeSet],
      context: config.context || {},
      children: {},
      status: isInFinalState(nodeSet, this.root) ? "done" : config.status || "active",
      output: config.output,
      error: config.error,
      historyValue: config.historyValue
    }, this);
  }
  /**
   * Determines the next snapshot given the current `snapshot` and received
   * `event`. Calculates a full macrostep from all microsteps.
   *
   * @param snapshot The current snapshot
   * @param event The received event
   */
  transition(snapshot, event, actorScope) {
    return macrostep(snapshot, event, actorScope, []).snapshot;
  }
  /**
   * Determines the next state given the current `state` and `event`. Calculates
   * a microstep.
   *
   * @param state The current state
   * @param event The received event
   */
  microstep(snapshot, event, actorScope) {
    return macrostep(snapshot, event, actorScope, []).microsteps.map(([s]) => s);
  }
  getTransitionData(snapshot, event) {
    return transitionNode(this.root, snapshot.value, snapshot, event) || [];
  }
  /**
   * The initial state _before_ evaluating any microsteps. This "pre-initial"
   * state is provided to initial actions executed in the initial state.
   *
   * @internal
   */
  _getPreInitialState(actorScope, initEvent, internalQueue) {
    const {
      context
    } = this.config;
    const preInitial = createMachineSnapshot({
      context: typeof context !== "function" && context ? context : {},
      _nodes: [this.root],
      children: {},
      status: "active"
    }, this);
    if (typeof context === "function") {
      const assignment = ({
        spawn,
        event,
        self: self2
      }) => context({
        spawn,
        input: event.input,
        self: self2
      });
      return resolveActionsAndContext(preInitial, initEvent, actorScope, [assign(assignment)], internalQueue, void 0);
    }
    return preInitial;
  }
  /**
   * Returns the initial `State` instance, with reference to `self` as an
   * `ActorRef`.
   */
  getInitialSnapshot(actorScope, input) {
    const initEvent = createInitEvent(input);
    const internalQueue = [];
    let snapshot = createMachineSnapshot({
      context: typeof this.config.context !== "function" && this.config.context ? this.config.context : {},
      _nodes: [this.root],
      children: {},
      status: "active"
    }, this);
    try {
      snapshot = this._getPreInitialState(actorScope, initEvent, internalQueue);
      const [nextState] = initialMicrostep(this.root, snapshot, actorScope, initEvent, internalQueue);
      const {
        snapshot: macroState
      } = macrostep(nextState, initEvent, actorScope, internalQueue);
      return macroState;
    } catch (error) {
      return cloneMachineSnapshot(snapshot, {
        status: "error",
        error
      });
    }
  }
  start(snapshot) {
    Object.values(snapshot.children).forEach((child) => {
      if (child.getSnapshot().status === "active") {
        child.start();
      }
    });
  }
  getStateNodeById(stateId) {
    const fullPath = toStatePath(stateId);
    const relativePath = fullPath.slice(1);
    const resolvedStateId = isStateId(fullPath[0]) ? fullPath[0].slice(STATE_IDENTIFIER2.length) : fullPath[0];
    const stateNode = this.idMap.get(resolvedStateId);
    if (!stateNode) {
      throw new Error(`Child state node '#${resolvedStateId}' does not exist on machine '${this.id}'`);
    }
    return getStateNodeByPath(stateNode, relativePath);
  }
  get definition() {
    return this.root.definition;
  }
  toJSON() {
    return this.definition;
  }
  getPersistedSnapshot(snapshot, options) {
    return getPersistedSnapshot(snapshot, options);
  }
  restoreSnapshot(snapshot, _actorScope) {
    const children = {};
    const snapshotChildren = snapshot.children;
    Object.keys(snapshotChildren).forEach((actorId) => {
      const actorData = snapshotChildren[actorId];
      const childState = actorData.snapshot;
      const src = actorData.src;
      const logic = typeof src === "string" ? resolveReferencedActor(this, src) : src;
      if (!logic) {
        return;
      }
      const actorRef = createActor(logic, {
        id: actorId,
        parent: _actorScope.self,
        syncSnapshot: actorData.syncSnapshot,
        snapshot: childState,
        src,
        systemId: actorData.systemId
      });
      children[actorId] = actorRef;
    });
    function resolveHistoryReferencedState(root, referenced) {
      if (referenced instanceof StateNode) {
        return referenced;
      }
      try {
        return root.machine.getStateNodeById(referenced.id);
      } catch {
      }
    }
    function reviveHistoryValue(root, historyValue) {
      if (!historyValue || typeof historyValue !== "object") {
        return {};
      }
      const revived = {};
      for (const key in historyValue) {
        const arr = historyValue[key];
        for (const item of arr) {
          const resolved = resolveHistoryReferencedState(root, item);
          if (!resolved) {
            continue;
          }
          revived[key] ??= [];
          revived[key].push(resolved);
        }
      }
      return revived;
    }
    const revivedHistoryValue = reviveHistoryValue(this.root, snapshot.historyValue);
    const restoredSnapshot = createMachineSnapshot({
      ...snapshot,
      children,
      _nodes: Array.from(getAllStateNodes(getStateNodes(this.root, snapshot.value))),
      historyValue: revivedHistoryValue
    }, this);
    const seen = /* @__PURE__ */ new Set();
    function reviveContext(contextPart, children2) {
      if (seen.has(contextPart)) {
        return;
      }
      seen.add(contextPart);
      for (const key in contextPart) {
        const value = contextPart[key];
        if (value && typeof value === "object") {
          if ("xstate$$type" in value && value.xstate$$type === $$ACTOR_TYPE) {
            contextPart[key] = children2[value.id];
            continue;
          }
          reviveContext(value, children2);
        }
      }
    }
    reviveContext(restoredSnapshot.context, children);
    return restoredSnapshot;
  }
};

// node_modules/xstate/dist/log-6a5e50a8.esm.js
function resolveEmit(_, snapshot, args, actionParams, {
  event: eventOrExpr
}) {
  const resolvedEvent = typeof eventOrExpr === "function" ? eventOrExpr(args, actionParams) : eventOrExpr;
  return [snapshot, {
    event: resolvedEvent
  }, void 0];
}
function executeEmit(actorScope, {
  event
}) {
  actorScope.defer(() => actorScope.emit(event));
}
function emit(eventOrExpr) {
  function emit2(_args, _params) {
  }
  emit2.type = "xstate.emit";
  emit2.event = eventOrExpr;
  emit2.resolve = resolveEmit;
  emit2.execute = executeEmit;
  return emit2;
}
var SpecialTargets = /* @__PURE__ */ (function(SpecialTargets2) {
  SpecialTargets2["Parent"] = "#_parent";
  SpecialTargets2["Internal"] = "#_internal";
  return SpecialTargets2;
})({});
function resolveSendTo(actorScope, snapshot, args, actionParams, {
  to,
  event: eventOrExpr,
  id,
  delay
}, extra) {
  const delaysMap = snapshot.machine.implementations.delays;
  if (typeof eventOrExpr === "string") {
    throw new Error(
      // oxlint-disable-next-line typescript/restrict-template-expressions
      `Only event objects may be used with sendTo; use sendTo({ type: "${eventOrExpr}" }) instead`
    );
  }
  const resolvedEvent = typeof eventOrExpr === "function" ? eventOrExpr(args, actionParams) : eventOrExpr;
  let resolvedDelay;
  if (typeof delay === "string") {
    const configDelay = delaysMap && delaysMap[delay];
    resolvedDelay = typeof configDelay === "function" ? configDelay(args, actionParams) : configDelay;
  } else {
    resolvedDelay = typeof delay === "function" ? delay(args, actionParams) : delay;
  }
  const resolvedTarget = typeof to === "function" ? to(args, actionParams) : to;
  let targetActorRef;
  if (typeof resolvedTarget === "string") {
    if (resolvedTarget === SpecialTargets.Parent) {
      targetActorRef = actorScope.self._parent;
    } else if (resolvedTarget === SpecialTargets.Internal) {
      targetActorRef = actorScope.self;
    } else if (resolvedTarget.startsWith("#_")) {
      targetActorRef = snapshot.children[resolvedTarget.slice(2)];
    } else {
      targetActorRef = extra.deferredActorIds?.includes(resolvedTarget) ? resolvedTarget : snapshot.children[resolvedTarget];
    }
    if (!targetActorRef) {
      throw new Error(`Unable to send event to actor '${resolvedTarget}' from machine '${snapshot.machine.id}'.`);
    }
  } else {
    targetActorRef = resolvedTarget || actorScope.self;
  }
  return [snapshot, {
    to: targetActorRef,
    targetId: typeof resolvedTarget === "string" ? resolvedTarget : void 0,
    event: resolvedEvent,
    id,
    delay: resolvedDelay
  }, void 0];
}
function retryResolveSendTo(_, snapshot, params) {
  if (typeof params.to === "string") {
    params.to = snapshot.children[params.to];
  }
}
function executeSendTo(actorScope, params) {
  actorScope.defer(() => {
    const {
      to,
      event,
      delay,
      id
    } = params;
    if (typeof delay === "number") {
      actorScope.system.scheduler.schedule(actorScope.self, to, event, delay, id);
      return;
    }
    actorScope.system._relay(
      actorScope.self,
      // at this point, in a deferred task, it should already be mutated by retryResolveSendTo
      // if it initially started as a string
      to,
      event.type === XSTATE_ERROR ? createErrorActorEvent(actorScope.self.id, event.data) : event
    );
  });
}
function sendTo(to, eventOrExpr, options) {
  function sendTo2(_args, _params) {
  }
  sendTo2.type = "xstate.sendTo";
  sendTo2.to = to;
  sendTo2.event = eventOrExpr;
  sendTo2.id = options?.id;
  sendTo2.delay = options?.delay;
  sendTo2.resolve = resolveSendTo;
  sendTo2.retryResolve = retryResolveSendTo;
  sendTo2.execute = executeSendTo;
  return sendTo2;
}
function sendParent(event, options) {
  return sendTo(SpecialTargets.Parent, event, options);
}
function resolveEnqueueActions(actorScope, snapshot, args, actionParams, {
  collect
}) {
  const actions = [];
  const enqueue = function enqueue2(action) {
    actions.push(action);
  };
  enqueue.assign = (...args2) => {
    actions.push(assign(...args2));
  };
  enqueue.cancel = (...args2) => {
    actions.push(cancel(...args2));
  };
  enqueue.raise = (...args2) => {
    actions.push(raise(...args2));
  };
  enqueue.sendTo = (...args2) => {
    actions.push(sendTo(...args2));
  };
  enqueue.sendParent = (...args2) => {
    actions.push(sendParent(...args2));
  };
  enqueue.spawnChild = (...args2) => {
    actions.push(spawnChild(...args2));
  };
  enqueue.stopChild = (...args2) => {
    actions.push(stopChild(...args2));
  };
  enqueue.emit = (...args2) => {
    actions.push(emit(...args2));
  };
  collect({
    context: args.context,
    event: args.event,
    enqueue,
    check: (guard) => evaluateGuard(guard, snapshot.context, args.event, snapshot),
    self: actorScope.self,
    system: actorScope.system
  }, actionParams);
  return [snapshot, void 0, actions];
}
function enqueueActions(collect) {
  function enqueueActions2(_args, _params) {
  }
  enqueueActions2.type = "xstate.enqueueActions";
  enqueueActions2.collect = collect;
  enqueueActions2.resolve = resolveEnqueueActions;
  return enqueueActions2;
}
function resolveLog(_, snapshot, actionArgs, actionParams, {
  value,
  label
}) {
  return [snapshot, {
    value: typeof value === "function" ? value(actionArgs, actionParams) : value,
    label
  }, void 0];
}
function executeLog({
  logger
}, {
  value,
  label
}) {
  if (label) {
    logger(label, value);
  } else {
    logger(value);
  }
}
function log(value = ({
  context,
  event
}) => ({
  context,
  event
}), label) {
  function log2(_args, _params) {
  }
  log2.type = "xstate.log";
  log2.value = value;
  log2.label = label;
  log2.resolve = resolveLog;
  log2.execute = executeLog;
  return log2;
}

// node_modules/xstate/dist/xstate.esm.js
function createMachine(config, implementations) {
  return new StateMachine(config, implementations);
}
function setup({
  schemas,
  actors,
  actions,
  guards,
  delays
}) {
  return {
    assign,
    sendTo,
    raise,
    log,
    cancel,
    stopChild,
    enqueueActions,
    emit,
    spawnChild,
    createStateConfig: (config) => config,
    createAction: (fn) => fn,
    createMachine: (config) => createMachine({
      ...config,
      schemas
    }, {
      actors,
      actions,
      guards,
      delays
    }),
    extend: (extended) => setup({
      schemas,
      actors,
      actions: {
        ...actions,
        ...extended.actions
      },
      guards: {
        ...guards,
        ...extended.guards
      },
      delays: {
        ...delays,
        ...extended.delays
      }
    })
  };
}

// src/sim/machines/cause.ts
function startTimeline() {
  return { current: {}, since: {}, last: null };
}
function recordEntry(context, event, region, state) {
  const from = context.current[region];
  const current = { ...context.current, [region]: state };
  if (from === void 0 || !isCaused(event)) return { current, since: { ...context.since, [region]: 0 }, last: context.last };
  return {
    current,
    since: { ...context.since, [region]: event.at },
    last: { event: event.type, region, from, to: state, at: event.at, by: event.by, after: event.at - (context.since[region] ?? 0) }
  };
}
function isCaused(event) {
  return typeof event.at === "number" && typeof event.by === "string";
}

// src/sim/machines/redisMachine.ts
var redisMachine = setup({
  types: { context: {}, events: {} },
  guards: {
    failingOver: stateIn({ server: "failingOver" }),
    notFailingOver: not(stateIn({ server: "failingOver" }))
  },
  actions: {
    // Effects on the Redis server the engine drives; provided by `createRedisActor`.
    stopServer: () => {
    },
    startServer: () => {
    },
    dropPackets: () => {
    },
    passPackets: () => {
    },
    applyLatency: (_, _p) => {
    },
    setLatency: assign({ latencyMs: ({ event }) => event.type === "LATENCY" ? event.ms : 0 }),
    entered: assign(({ context, event }, p) => recordEntry(context, event, p.region, p.state))
  }
}).createMachine({
  id: "redis",
  context: () => ({ latencyMs: 0, ...startTimeline() }),
  type: "parallel",
  on: {
    LATENCY: { actions: ["setLatency", { type: "applyLatency", params: ({ event }) => ({ ms: event.ms }) }] }
  },
  states: {
    server: {
      initial: "up",
      states: {
        up: {
          entry: { type: "entered", params: { region: "server", state: "up" } },
          on: {
            DOWN: { target: "down", actions: "stopServer" },
            FAILOVER: { target: "failingOver", actions: "stopServer" }
          }
        },
        down: {
          entry: { type: "entered", params: { region: "server", state: "down" } },
          on: { UP: { target: "up", actions: "startServer" } }
        },
        failingOver: {
          entry: { type: "entered", params: { region: "server", state: "failingOver" } },
          // The engine has already made the replica the primary: nothing to start.
          on: { PROMOTED: "up" }
        }
      }
    },
    network: {
      initial: "reachable",
      states: {
        reachable: {
          entry: { type: "entered", params: { region: "network", state: "reachable" } },
          on: { BLACKHOLE: { target: "blackHoled", actions: "dropPackets" } }
        },
        blackHoled: {
          entry: { type: "entered", params: { region: "network", state: "blackHoled" } },
          on: {
            // "Bring up" restores the network too, except while Sentinel is promoting the replica.
            UP: { target: "reachable", guard: "notFailingOver", actions: "passPackets" },
            // The promoted replica is another host: its packets were never dropped.
            PROMOTED: { target: "reachable", guard: "failingOver" }
          }
        }
      }
    }
  }
});
function serverState(s) {
  return s.value.server;
}
function networkState(s) {
  return s.value.network;
}
function gateOf(s) {
  if (networkState(s) === "blackHoled") return "blackholed";
  return serverState(s) === "up" ? "open" : "refused";
}
function redisRefusal(s, event) {
  if (s.can(event)) return null;
  const server = serverState(s);
  if (server === "failingOver") return "Sentinel is failing over; the replica will be promoted";
  switch (event.type) {
    case "DOWN":
      return "Redis is already down";
    case "UP":
      return "Redis is already up";
    case "FAILOVER":
      return "the primary is not up";
    case "BLACKHOLE":
      return "Redis is already black-holed";
    case "PROMOTED":
      return "no failover in progress";
    case "LATENCY":
      return null;
  }
}

// src/sim/machines/redisActor.ts
function redisServers(w) {
  return [.../* @__PURE__ */ new Set([w.redis, w.cacheRedis, w.replica])].filter((r) => r !== null);
}
function createRedisActor(world, snapshot) {
  const actor = createActor(redisMachine.provide({
    actions: {
      stopServer: () => world().redis?.down(),
      startServer: () => world().redis?.up(),
      dropPackets: () => {
        const r = world().redis;
        if (r) r.blackhole = true;
      },
      passPackets: () => {
        const r = world().redis;
        if (r) r.blackhole = false;
      },
      applyLatency: (_, p) => {
        for (const r of redisServers(world())) r.setLatency(p.ms);
      }
    }
  }), snapshot ? { snapshot } : {}).start();
  return cloneVia(actor, (c, a) => {
    const copy = c.clone(world());
    return createRedisActor(() => copy, a.getPersistedSnapshot());
  });
}
function redisGate(w) {
  return gateOf(w.redisActor.getSnapshot());
}

// src/sim/checkpoint.ts
var NO_LISTENERS = Object.freeze({});
var Checkpoint = class _Checkpoint {
  constructor(world, atMs, bytes) {
    this.world = world;
    this.atMs = atMs;
    this.bytes = bytes;
  }
  world;
  atMs;
  bytes;
  /** Copy `w` now. Only between events: the engine must not be inside a `runUntil`. */
  static take(w) {
    const c = new Cloner([[w.listeners, NO_LISTENERS]], true);
    const copy = c.clone(w);
    return new _Checkpoint(copy, w.now, c.bytes);
  }
  /** A new live world, equal to the one copied; it reports to `listeners`. */
  restore(listeners) {
    return new Cloner([[this.world.listeners, listeners]]).clone(this.world);
  }
  /** Release what the copy holds outside itself (its ioredis-mock instances, its actors). */
  dispose() {
    releaseWorld(this.world);
  }
};
function releaseWorld(w) {
  for (const r of redisServers(w)) r.dispose();
  for (const node of w.nodes.values()) node.actor.stop();
  w.redisActor.stop();
}

// src/sim/balancer/crc32.ts
var import_crc_32 = __toESM(require_crc32(), 1);
function crc32(s, seed) {
  return import_crc_32.default.str(s, seed) >>> 0;
}

// src/sim/balancer/chashPoints.ts
function splitHostPort(server) {
  if (server.length >= 5 && server.slice(0, 5).toLowerCase() === "unix:") return [server.slice(5), ""];
  for (let j = 0; j < server.length; j++) {
    const c = server[server.length - j - 1];
    if (c === ":") return [server.slice(0, server.length - j - 1), server.slice(server.length - j)];
    if (c < "0" || c > "9") break;
  }
  return [server, ""];
}
var POINTS_PER_WEIGHT = 160;
var MAX_CHASH_TOTAL_WEIGHT = 1e3;
var CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function nextPoint(prev, base) {
  const t = CRC_TABLE;
  let c = ~base;
  c = t[(c ^ prev) & 255] ^ c >>> 8;
  c = t[(c ^ prev >>> 8) & 255] ^ c >>> 8;
  c = t[(c ^ prev >>> 16) & 255] ^ c >>> 8;
  c = t[(c ^ prev >>> 24) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
function baseHash(address) {
  const [host, port] = splitHostPort(address);
  return crc32(port, crc32("\0", crc32(host)));
}
function buildChashPoints(peers) {
  let total = 0;
  for (const p of peers) total += p.weight;
  if (!(total <= MAX_CHASH_TOTAL_WEIGHT)) {
    throw new RangeError(`hash \u2026 consistent: the servers' weights add up to ${total}; the simulator builds rings up to a total weight of ${MAX_CHASH_TOTAL_WEIGHT}`);
  }
  const n = peers.length;
  const packed = new Float64Array(total * POINTS_PER_WEIGHT);
  let k = 0;
  peers.forEach((p, idx) => {
    const base = baseHash(p.address);
    let prev = 0;
    for (let j = 0; j < p.weight * POINTS_PER_WEIGHT; j++) {
      prev = nextPoint(prev, base);
      packed[k++] = prev * n + idx;
    }
  });
  packed.sort();
  const hash = new Uint32Array(packed.length);
  const server = [];
  let m = 0;
  for (let i = 0; i < packed.length; i++) {
    const v = packed[i];
    const idx = v % n;
    const h = (v - idx) / n;
    if (m > 0 && hash[m - 1] === h) continue;
    hash[m++] = h;
    server.push(peers[idx].address);
  }
  return { hash: hash.slice(0, m), server };
}
function findChashPoint(points, hash) {
  const h = points.hash;
  let i = 0;
  let j = h.length;
  while (i < j) {
    const k = i + j >>> 1;
    if (hash > h[k]) i = k + 1;
    else if (hash < h[k]) j = k;
    else return k;
  }
  return i;
}

// src/sim/limits.ts
var NGINX_MAX_WEIGHT = 2147483647;
var HAPROXY_MAX_WEIGHT = 256;
var HAPROXY_MAX_INTER_MS = 2147483647;
var MAX_TIME_SEC = 2147483647;
function balancerProblems(balancer, nodes) {
  const out = [];
  if (nodes.length === 0) out.push({ message: "the simulator needs at least one app server", node: null, field: "server" });
  if (nodes.length > MAX_NODES) {
    out.push({ message: `the simulator runs at most ${MAX_NODES} app servers; this is server ${MAX_NODES + 1}`, node: MAX_NODES, field: "server" });
  }
  const nginx = balancer.flavor === "nginx";
  const [min, max] = nginx ? [1, NGINX_MAX_WEIGHT] : [0, HAPROXY_MAX_WEIGHT];
  const limit = Math.min(nodes.length, MAX_NODES);
  for (let i = 0; i < limit; i++) {
    const w = nodes[i].weight;
    if (!Number.isInteger(w) || w < min || w > max) {
      out.push({ message: `weight ${String(w)} is outside ${min}\u2013${max} (${nginx ? "nginx" : "HAProxy"})`, node: i, field: "weight" });
    }
    const n = nodes[i];
    const [tMin, tMax, tName] = nginx ? [0, MAX_TIME_SEC, "fail_timeout"] : [1e-3, HAPROXY_MAX_INTER_MS / 1e3, "inter"];
    if (!(n.failTimeoutSec >= tMin && n.failTimeoutSec <= tMax)) {
      out.push({ message: `${tName} of ${String(n.failTimeoutSec)} s is outside ${tMin}\u2013${tMax} s`, node: i, field: "server" });
    }
    if (!Number.isInteger(n.maxFails) || n.maxFails < 0 || n.maxFails > 2147483647) {
      out.push({ message: `${nginx ? "max_fails" : "fall"} of ${String(n.maxFails)} is not a whole number from 0 to 2147483647`, node: i, field: "server" });
    }
  }
  if (nginx && balancer.strategy === "hash-cookie" && balancer.hashCookie.consistent && out.length === 0) {
    let total = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.backup) continue;
      total += n.weight;
      if (total > MAX_CHASH_TOTAL_WEIGHT) {
        out.push({
          message: `the simulator's "hash \u2026 consistent" ring takes server weights adding up to ${grouped(MAX_CHASH_TOTAL_WEIGHT)}; here they reach ${grouped(total)} (nginx allows more, but builds weight \xD7 160 points at start-up: weight=100000 took it 18 s)`,
          node: i,
          field: "weight"
        });
        break;
      }
    }
  }
  return out;
}
function grouped(n) {
  return n.toLocaleString("en-US");
}
function describeProblems(problems, nodes) {
  if (problems.length === 0) return null;
  return problems.map((p) => p.node === null || p.node >= nodes.length ? p.message : `${nodes[p.node]?.name ?? `server ${p.node + 1}`}: ${p.message}`).join("; ");
}

// src/sim/balancer/ipAddr.ts
function parseIPv4(ip) {
  const out = [];
  let n = 0;
  let digits = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (++digits > 3) return null;
    } else if (c === 46) {
      if (digits === 0 || n > 255 || out.length === 4) return null;
      out.push(n);
      n = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  return out.length === 4 ? out : null;
}
function hextets(s) {
  if (s === "") return [];
  const out = [];
  const parts = s.split(":");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1 && part.includes(".")) {
      const v4 = parseIPv4(part);
      if (v4 === null) return null;
      out.push(v4[0] << 8 | v4[1], v4[2] << 8 | v4[3]);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return out;
}
function parseIPv6(ip) {
  const s = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  if (!s.includes(":")) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = hextets(halves[0]);
  const tail = halves.length === 2 ? hextets(halves[1]) : [];
  if (head === null || tail === null) return null;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  const words = [...head, ...new Array(fill).fill(0), ...tail];
  return words.flatMap((w) => [w >>> 8, w & 255]);
}
function addressBytes(ip) {
  return parseIPv4(ip) ?? parseIPv6(ip);
}

// node_modules/js-md5/build/md5.node.mjs
import require$$0 from "crypto";
import require$$1 from "buffer";
var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var md5$1 = { exports: {} };
(function(module) {
  (function() {
    var INPUT_ERROR = "input is invalid type";
    var FINALIZE_ERROR = "finalize already called";
    var WINDOW = typeof window === "object";
    var root = WINDOW ? window : {};
    if (root.JS_MD5_NO_WINDOW) {
      WINDOW = false;
    }
    var WEB_WORKER = typeof WorkerGlobalScope !== "undefined" && typeof self !== "undefined" && self instanceof WorkerGlobalScope;
    var NODE_JS = !root.JS_MD5_NO_NODE_JS && !WINDOW && typeof process === "object" && process.versions && process.versions.node;
    if (NODE_JS) {
      root = commonjsGlobal;
    } else if (WEB_WORKER) {
      root = self;
    }
    var COMMON_JS = !root.JS_MD5_NO_COMMON_JS && true && module.exports;
    var ARRAY_BUFFER = !root.JS_MD5_NO_ARRAY_BUFFER && typeof ArrayBuffer !== "undefined";
    var HEX_CHARS = "0123456789abcdef".split("");
    var EXTRA = [128, 32768, 8388608, -2147483648];
    var SHIFT = [0, 8, 16, 24];
    var OUTPUT_TYPES = ["hex", "array", "digest", "arrayBuffer"];
    {
      OUTPUT_TYPES.push("buffer");
    }
    {
      OUTPUT_TYPES.push("base64");
    }
    var BASE64_ENCODE_CHAR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("");
    var blocks = [], buffer8;
    if (ARRAY_BUFFER) {
      var buffer = new ArrayBuffer(68);
      buffer8 = new Uint8Array(buffer);
      blocks = new Uint32Array(buffer);
    }
    var isArray2 = Array.isArray;
    if (root.JS_MD5_NO_NODE_JS || !isArray2) {
      isArray2 = function(obj) {
        return Object.prototype.toString.call(obj) === "[object Array]";
      };
    }
    var isView = ArrayBuffer.isView;
    if (ARRAY_BUFFER && (root.JS_MD5_NO_ARRAY_BUFFER_IS_VIEW || !isView)) {
      isView = function(obj) {
        return typeof obj === "object" && obj.buffer && obj.buffer.constructor === ArrayBuffer;
      };
    }
    var formatMessage = function(message) {
      var type = typeof message;
      if (type === "string") {
        return [message, true];
      }
      if (type !== "object" || message === null) {
        throw new Error(INPUT_ERROR);
      }
      if (ARRAY_BUFFER && message.constructor === ArrayBuffer) {
        return [new Uint8Array(message), false];
      }
      if (!isArray2(message) && !isView(message)) {
        throw new Error(INPUT_ERROR);
      }
      return [message, false];
    };
    var createOutputMethod = function(outputType) {
      return function(message) {
        return new Md5(true).update(message)[outputType]();
      };
    };
    var createMethod = function() {
      var method = createOutputMethod("hex");
      if (NODE_JS) {
        method = nodeWrap(method);
      }
      method.create = function() {
        return new Md5();
      };
      method.update = function(message) {
        return method.create().update(message);
      };
      for (var i = 0; i < OUTPUT_TYPES.length; ++i) {
        var type = OUTPUT_TYPES[i];
        method[type] = createOutputMethod(type);
      }
      return method;
    };
    var nodeWrap = function(method) {
      var crypto = require$$0;
      var Buffer2 = require$$1.Buffer;
      var bufferFrom = Buffer2.from;
      if (root.JS_MD5_NO_BUFFER_FROM || !bufferFrom) {
        bufferFrom = function(message) {
          return new Buffer2(message);
        };
      }
      var nodeMethod = function(message) {
        if (typeof message === "string") {
          return crypto.createHash("md5").update(message, "utf8").digest("hex");
        } else {
          if (message === null || message === void 0) {
            throw new Error(INPUT_ERROR);
          } else if (message.constructor === ArrayBuffer) {
            message = new Uint8Array(message);
          }
        }
        if (isArray2(message) || isView(message) || message.constructor === Buffer2) {
          return crypto.createHash("md5").update(bufferFrom(message)).digest("hex");
        } else {
          return method(message);
        }
      };
      return nodeMethod;
    };
    var createHmacOutputMethod = function(outputType) {
      return function(key, message) {
        return new HmacMd5(key, true).update(message)[outputType]();
      };
    };
    var createHmacMethod = function() {
      var method = createHmacOutputMethod("hex");
      method.create = function(key) {
        return new HmacMd5(key);
      };
      method.update = function(key, message) {
        return method.create(key).update(message);
      };
      for (var i = 0; i < OUTPUT_TYPES.length; ++i) {
        var type = OUTPUT_TYPES[i];
        method[type] = createHmacOutputMethod(type);
      }
      return method;
    };
    function Md5(sharedMemory) {
      if (sharedMemory) {
        blocks[0] = blocks[16] = blocks[1] = blocks[2] = blocks[3] = blocks[4] = blocks[5] = blocks[6] = blocks[7] = blocks[8] = blocks[9] = blocks[10] = blocks[11] = blocks[12] = blocks[13] = blocks[14] = blocks[15] = 0;
        this.blocks = blocks;
        this.buffer8 = buffer8;
      } else {
        if (ARRAY_BUFFER) {
          var buffer2 = new ArrayBuffer(68);
          this.buffer8 = new Uint8Array(buffer2);
          this.blocks = new Uint32Array(buffer2);
        } else {
          this.blocks = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        }
      }
      this.h0 = this.h1 = this.h2 = this.h3 = this.start = this.bytes = this.hBytes = 0;
      this.finalized = this.hashed = false;
      this.first = true;
    }
    Md5.prototype.update = function(message) {
      if (this.finalized) {
        throw new Error(FINALIZE_ERROR);
      }
      var result = formatMessage(message);
      message = result[0];
      var isString = result[1];
      var code, index = 0, i, length = message.length, blocks2 = this.blocks;
      var buffer82 = this.buffer8;
      while (index < length) {
        if (this.hashed) {
          this.hashed = false;
          blocks2[0] = blocks2[16];
          blocks2[16] = blocks2[1] = blocks2[2] = blocks2[3] = blocks2[4] = blocks2[5] = blocks2[6] = blocks2[7] = blocks2[8] = blocks2[9] = blocks2[10] = blocks2[11] = blocks2[12] = blocks2[13] = blocks2[14] = blocks2[15] = 0;
        }
        if (isString) {
          if (ARRAY_BUFFER) {
            for (i = this.start; index < length && i < 64; ++index) {
              code = message.charCodeAt(index);
              if (code < 128) {
                buffer82[i++] = code;
              } else if (code < 2048) {
                buffer82[i++] = 192 | code >>> 6;
                buffer82[i++] = 128 | code & 63;
              } else if (code < 55296 || code >= 57344) {
                buffer82[i++] = 224 | code >>> 12;
                buffer82[i++] = 128 | code >>> 6 & 63;
                buffer82[i++] = 128 | code & 63;
              } else {
                code = 65536 + ((code & 1023) << 10 | message.charCodeAt(++index) & 1023);
                buffer82[i++] = 240 | code >>> 18;
                buffer82[i++] = 128 | code >>> 12 & 63;
                buffer82[i++] = 128 | code >>> 6 & 63;
                buffer82[i++] = 128 | code & 63;
              }
            }
          } else {
            for (i = this.start; index < length && i < 64; ++index) {
              code = message.charCodeAt(index);
              if (code < 128) {
                blocks2[i >>> 2] |= code << SHIFT[i++ & 3];
              } else if (code < 2048) {
                blocks2[i >>> 2] |= (192 | code >>> 6) << SHIFT[i++ & 3];
                blocks2[i >>> 2] |= (128 | code & 63) << SHIFT[i++ & 3];
              } else if (code < 55296 || code >= 57344) {
                blocks2[i >>> 2] |= (224 | code >>> 12) << SHIFT[i++ & 3];
                blocks2[i >>> 2] |= (128 | code >>> 6 & 63) << SHIFT[i++ & 3];
                blocks2[i >>> 2] |= (128 | code & 63) << SHIFT[i++ & 3];
              } else {
                code = 65536 + ((code & 1023) << 10 | message.charCodeAt(++index) & 1023);
                blocks2[i >>> 2] |= (240 | code >>> 18) << SHIFT[i++ & 3];
                blocks2[i >>> 2] |= (128 | code >>> 12 & 63) << SHIFT[i++ & 3];
                blocks2[i >>> 2] |= (128 | code >>> 6 & 63) << SHIFT[i++ & 3];
                blocks2[i >>> 2] |= (128 | code & 63) << SHIFT[i++ & 3];
              }
            }
          }
        } else {
          if (ARRAY_BUFFER) {
            for (i = this.start; index < length && i < 64; ++index) {
              buffer82[i++] = message[index];
            }
          } else {
            for (i = this.start; index < length && i < 64; ++index) {
              blocks2[i >>> 2] |= message[index] << SHIFT[i++ & 3];
            }
          }
        }
        this.lastByteIndex = i;
        this.bytes += i - this.start;
        if (i >= 64) {
          this.start = i - 64;
          this.hash();
          this.hashed = true;
        } else {
          this.start = i;
        }
      }
      if (this.bytes > 4294967295) {
        this.hBytes += this.bytes / 4294967296 << 0;
        this.bytes = this.bytes % 4294967296;
      }
      return this;
    };
    Md5.prototype.finalize = function() {
      if (this.finalized) {
        return;
      }
      this.finalized = true;
      var blocks2 = this.blocks, i = this.lastByteIndex;
      blocks2[i >>> 2] |= EXTRA[i & 3];
      if (i >= 56) {
        if (!this.hashed) {
          this.hash();
        }
        blocks2[0] = blocks2[16];
        blocks2[16] = blocks2[1] = blocks2[2] = blocks2[3] = blocks2[4] = blocks2[5] = blocks2[6] = blocks2[7] = blocks2[8] = blocks2[9] = blocks2[10] = blocks2[11] = blocks2[12] = blocks2[13] = blocks2[14] = blocks2[15] = 0;
      }
      blocks2[14] = this.bytes << 3;
      blocks2[15] = this.hBytes << 3 | this.bytes >>> 29;
      this.hash();
    };
    Md5.prototype.hash = function() {
      var a, b, c, d, bc, da, blocks2 = this.blocks;
      if (this.first) {
        a = blocks2[0] - 680876937;
        a = (a << 7 | a >>> 25) - 271733879 << 0;
        d = (-1732584194 ^ a & 2004318071) + blocks2[1] - 117830708;
        d = (d << 12 | d >>> 20) + a << 0;
        c = (-271733879 ^ d & (a ^ -271733879)) + blocks2[2] - 1126478375;
        c = (c << 17 | c >>> 15) + d << 0;
        b = (a ^ c & (d ^ a)) + blocks2[3] - 1316259209;
        b = (b << 22 | b >>> 10) + c << 0;
      } else {
        a = this.h0;
        b = this.h1;
        c = this.h2;
        d = this.h3;
        a += (d ^ b & (c ^ d)) + blocks2[0] - 680876936;
        a = (a << 7 | a >>> 25) + b << 0;
        d += (c ^ a & (b ^ c)) + blocks2[1] - 389564586;
        d = (d << 12 | d >>> 20) + a << 0;
        c += (b ^ d & (a ^ b)) + blocks2[2] + 606105819;
        c = (c << 17 | c >>> 15) + d << 0;
        b += (a ^ c & (d ^ a)) + blocks2[3] - 1044525330;
        b = (b << 22 | b >>> 10) + c << 0;
      }
      a += (d ^ b & (c ^ d)) + blocks2[4] - 176418897;
      a = (a << 7 | a >>> 25) + b << 0;
      d += (c ^ a & (b ^ c)) + blocks2[5] + 1200080426;
      d = (d << 12 | d >>> 20) + a << 0;
      c += (b ^ d & (a ^ b)) + blocks2[6] - 1473231341;
      c = (c << 17 | c >>> 15) + d << 0;
      b += (a ^ c & (d ^ a)) + blocks2[7] - 45705983;
      b = (b << 22 | b >>> 10) + c << 0;
      a += (d ^ b & (c ^ d)) + blocks2[8] + 1770035416;
      a = (a << 7 | a >>> 25) + b << 0;
      d += (c ^ a & (b ^ c)) + blocks2[9] - 1958414417;
      d = (d << 12 | d >>> 20) + a << 0;
      c += (b ^ d & (a ^ b)) + blocks2[10] - 42063;
      c = (c << 17 | c >>> 15) + d << 0;
      b += (a ^ c & (d ^ a)) + blocks2[11] - 1990404162;
      b = (b << 22 | b >>> 10) + c << 0;
      a += (d ^ b & (c ^ d)) + blocks2[12] + 1804603682;
      a = (a << 7 | a >>> 25) + b << 0;
      d += (c ^ a & (b ^ c)) + blocks2[13] - 40341101;
      d = (d << 12 | d >>> 20) + a << 0;
      c += (b ^ d & (a ^ b)) + blocks2[14] - 1502002290;
      c = (c << 17 | c >>> 15) + d << 0;
      b += (a ^ c & (d ^ a)) + blocks2[15] + 1236535329;
      b = (b << 22 | b >>> 10) + c << 0;
      a += (c ^ d & (b ^ c)) + blocks2[1] - 165796510;
      a = (a << 5 | a >>> 27) + b << 0;
      d += (b ^ c & (a ^ b)) + blocks2[6] - 1069501632;
      d = (d << 9 | d >>> 23) + a << 0;
      c += (a ^ b & (d ^ a)) + blocks2[11] + 643717713;
      c = (c << 14 | c >>> 18) + d << 0;
      b += (d ^ a & (c ^ d)) + blocks2[0] - 373897302;
      b = (b << 20 | b >>> 12) + c << 0;
      a += (c ^ d & (b ^ c)) + blocks2[5] - 701558691;
      a = (a << 5 | a >>> 27) + b << 0;
      d += (b ^ c & (a ^ b)) + blocks2[10] + 38016083;
      d = (d << 9 | d >>> 23) + a << 0;
      c += (a ^ b & (d ^ a)) + blocks2[15] - 660478335;
      c = (c << 14 | c >>> 18) + d << 0;
      b += (d ^ a & (c ^ d)) + blocks2[4] - 405537848;
      b = (b << 20 | b >>> 12) + c << 0;
      a += (c ^ d & (b ^ c)) + blocks2[9] + 568446438;
      a = (a << 5 | a >>> 27) + b << 0;
      d += (b ^ c & (a ^ b)) + blocks2[14] - 1019803690;
      d = (d << 9 | d >>> 23) + a << 0;
      c += (a ^ b & (d ^ a)) + blocks2[3] - 187363961;
      c = (c << 14 | c >>> 18) + d << 0;
      b += (d ^ a & (c ^ d)) + blocks2[8] + 1163531501;
      b = (b << 20 | b >>> 12) + c << 0;
      a += (c ^ d & (b ^ c)) + blocks2[13] - 1444681467;
      a = (a << 5 | a >>> 27) + b << 0;
      d += (b ^ c & (a ^ b)) + blocks2[2] - 51403784;
      d = (d << 9 | d >>> 23) + a << 0;
      c += (a ^ b & (d ^ a)) + blocks2[7] + 1735328473;
      c = (c << 14 | c >>> 18) + d << 0;
      b += (d ^ a & (c ^ d)) + blocks2[12] - 1926607734;
      b = (b << 20 | b >>> 12) + c << 0;
      bc = b ^ c;
      a += (bc ^ d) + blocks2[5] - 378558;
      a = (a << 4 | a >>> 28) + b << 0;
      d += (bc ^ a) + blocks2[8] - 2022574463;
      d = (d << 11 | d >>> 21) + a << 0;
      da = d ^ a;
      c += (da ^ b) + blocks2[11] + 1839030562;
      c = (c << 16 | c >>> 16) + d << 0;
      b += (da ^ c) + blocks2[14] - 35309556;
      b = (b << 23 | b >>> 9) + c << 0;
      bc = b ^ c;
      a += (bc ^ d) + blocks2[1] - 1530992060;
      a = (a << 4 | a >>> 28) + b << 0;
      d += (bc ^ a) + blocks2[4] + 1272893353;
      d = (d << 11 | d >>> 21) + a << 0;
      da = d ^ a;
      c += (da ^ b) + blocks2[7] - 155497632;
      c = (c << 16 | c >>> 16) + d << 0;
      b += (da ^ c) + blocks2[10] - 1094730640;
      b = (b << 23 | b >>> 9) + c << 0;
      bc = b ^ c;
      a += (bc ^ d) + blocks2[13] + 681279174;
      a = (a << 4 | a >>> 28) + b << 0;
      d += (bc ^ a) + blocks2[0] - 358537222;
      d = (d << 11 | d >>> 21) + a << 0;
      da = d ^ a;
      c += (da ^ b) + blocks2[3] - 722521979;
      c = (c << 16 | c >>> 16) + d << 0;
      b += (da ^ c) + blocks2[6] + 76029189;
      b = (b << 23 | b >>> 9) + c << 0;
      bc = b ^ c;
      a += (bc ^ d) + blocks2[9] - 640364487;
      a = (a << 4 | a >>> 28) + b << 0;
      d += (bc ^ a) + blocks2[12] - 421815835;
      d = (d << 11 | d >>> 21) + a << 0;
      da = d ^ a;
      c += (da ^ b) + blocks2[15] + 530742520;
      c = (c << 16 | c >>> 16) + d << 0;
      b += (da ^ c) + blocks2[2] - 995338651;
      b = (b << 23 | b >>> 9) + c << 0;
      a += (c ^ (b | ~d)) + blocks2[0] - 198630844;
      a = (a << 6 | a >>> 26) + b << 0;
      d += (b ^ (a | ~c)) + blocks2[7] + 1126891415;
      d = (d << 10 | d >>> 22) + a << 0;
      c += (a ^ (d | ~b)) + blocks2[14] - 1416354905;
      c = (c << 15 | c >>> 17) + d << 0;
      b += (d ^ (c | ~a)) + blocks2[5] - 57434055;
      b = (b << 21 | b >>> 11) + c << 0;
      a += (c ^ (b | ~d)) + blocks2[12] + 1700485571;
      a = (a << 6 | a >>> 26) + b << 0;
      d += (b ^ (a | ~c)) + blocks2[3] - 1894986606;
      d = (d << 10 | d >>> 22) + a << 0;
      c += (a ^ (d | ~b)) + blocks2[10] - 1051523;
      c = (c << 15 | c >>> 17) + d << 0;
      b += (d ^ (c | ~a)) + blocks2[1] - 2054922799;
      b = (b << 21 | b >>> 11) + c << 0;
      a += (c ^ (b | ~d)) + blocks2[8] + 1873313359;
      a = (a << 6 | a >>> 26) + b << 0;
      d += (b ^ (a | ~c)) + blocks2[15] - 30611744;
      d = (d << 10 | d >>> 22) + a << 0;
      c += (a ^ (d | ~b)) + blocks2[6] - 1560198380;
      c = (c << 15 | c >>> 17) + d << 0;
      b += (d ^ (c | ~a)) + blocks2[13] + 1309151649;
      b = (b << 21 | b >>> 11) + c << 0;
      a += (c ^ (b | ~d)) + blocks2[4] - 145523070;
      a = (a << 6 | a >>> 26) + b << 0;
      d += (b ^ (a | ~c)) + blocks2[11] - 1120210379;
      d = (d << 10 | d >>> 22) + a << 0;
      c += (a ^ (d | ~b)) + blocks2[2] + 718787259;
      c = (c << 15 | c >>> 17) + d << 0;
      b += (d ^ (c | ~a)) + blocks2[9] - 343485551;
      b = (b << 21 | b >>> 11) + c << 0;
      if (this.first) {
        this.h0 = a + 1732584193 << 0;
        this.h1 = b - 271733879 << 0;
        this.h2 = c - 1732584194 << 0;
        this.h3 = d + 271733878 << 0;
        this.first = false;
      } else {
        this.h0 = this.h0 + a << 0;
        this.h1 = this.h1 + b << 0;
        this.h2 = this.h2 + c << 0;
        this.h3 = this.h3 + d << 0;
      }
    };
    Md5.prototype.hex = function() {
      this.finalize();
      var h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3;
      return HEX_CHARS[h0 >>> 4 & 15] + HEX_CHARS[h0 & 15] + HEX_CHARS[h0 >>> 12 & 15] + HEX_CHARS[h0 >>> 8 & 15] + HEX_CHARS[h0 >>> 20 & 15] + HEX_CHARS[h0 >>> 16 & 15] + HEX_CHARS[h0 >>> 28 & 15] + HEX_CHARS[h0 >>> 24 & 15] + HEX_CHARS[h1 >>> 4 & 15] + HEX_CHARS[h1 & 15] + HEX_CHARS[h1 >>> 12 & 15] + HEX_CHARS[h1 >>> 8 & 15] + HEX_CHARS[h1 >>> 20 & 15] + HEX_CHARS[h1 >>> 16 & 15] + HEX_CHARS[h1 >>> 28 & 15] + HEX_CHARS[h1 >>> 24 & 15] + HEX_CHARS[h2 >>> 4 & 15] + HEX_CHARS[h2 & 15] + HEX_CHARS[h2 >>> 12 & 15] + HEX_CHARS[h2 >>> 8 & 15] + HEX_CHARS[h2 >>> 20 & 15] + HEX_CHARS[h2 >>> 16 & 15] + HEX_CHARS[h2 >>> 28 & 15] + HEX_CHARS[h2 >>> 24 & 15] + HEX_CHARS[h3 >>> 4 & 15] + HEX_CHARS[h3 & 15] + HEX_CHARS[h3 >>> 12 & 15] + HEX_CHARS[h3 >>> 8 & 15] + HEX_CHARS[h3 >>> 20 & 15] + HEX_CHARS[h3 >>> 16 & 15] + HEX_CHARS[h3 >>> 28 & 15] + HEX_CHARS[h3 >>> 24 & 15];
    };
    Md5.prototype.toString = Md5.prototype.hex;
    Md5.prototype.digest = function() {
      this.finalize();
      var h0 = this.h0, h1 = this.h1, h2 = this.h2, h3 = this.h3;
      return [
        h0 & 255,
        h0 >>> 8 & 255,
        h0 >>> 16 & 255,
        h0 >>> 24 & 255,
        h1 & 255,
        h1 >>> 8 & 255,
        h1 >>> 16 & 255,
        h1 >>> 24 & 255,
        h2 & 255,
        h2 >>> 8 & 255,
        h2 >>> 16 & 255,
        h2 >>> 24 & 255,
        h3 & 255,
        h3 >>> 8 & 255,
        h3 >>> 16 & 255,
        h3 >>> 24 & 255
      ];
    };
    Md5.prototype.array = Md5.prototype.digest;
    Md5.prototype.arrayBuffer = function() {
      this.finalize();
      var buffer2 = new ArrayBuffer(16);
      var blocks2 = new Uint32Array(buffer2);
      blocks2[0] = this.h0;
      blocks2[1] = this.h1;
      blocks2[2] = this.h2;
      blocks2[3] = this.h3;
      return buffer2;
    };
    {
      Md5.prototype.buffer = Md5.prototype.arrayBuffer;
    }
    {
      Md5.prototype.base64 = function() {
        var v1, v2, v3, base64Str = "", bytes = this.array();
        for (var i = 0; i < 15; ) {
          v1 = bytes[i++];
          v2 = bytes[i++];
          v3 = bytes[i++];
          base64Str += BASE64_ENCODE_CHAR[v1 >>> 2] + BASE64_ENCODE_CHAR[(v1 << 4 | v2 >>> 4) & 63] + BASE64_ENCODE_CHAR[(v2 << 2 | v3 >>> 6) & 63] + BASE64_ENCODE_CHAR[v3 & 63];
        }
        v1 = bytes[i];
        base64Str += BASE64_ENCODE_CHAR[v1 >>> 2] + BASE64_ENCODE_CHAR[v1 << 4 & 63] + "==";
        return base64Str;
      };
    }
    function HmacMd5(key, sharedMemory) {
      var i, result = formatMessage(key);
      key = result[0];
      if (result[1]) {
        var bytes = [], length = key.length, index = 0, code;
        for (i = 0; i < length; ++i) {
          code = key.charCodeAt(i);
          if (code < 128) {
            bytes[index++] = code;
          } else if (code < 2048) {
            bytes[index++] = 192 | code >>> 6;
            bytes[index++] = 128 | code & 63;
          } else if (code < 55296 || code >= 57344) {
            bytes[index++] = 224 | code >>> 12;
            bytes[index++] = 128 | code >>> 6 & 63;
            bytes[index++] = 128 | code & 63;
          } else {
            code = 65536 + ((code & 1023) << 10 | key.charCodeAt(++i) & 1023);
            bytes[index++] = 240 | code >>> 18;
            bytes[index++] = 128 | code >>> 12 & 63;
            bytes[index++] = 128 | code >>> 6 & 63;
            bytes[index++] = 128 | code & 63;
          }
        }
        key = bytes;
      }
      if (key.length > 64) {
        key = new Md5(true).update(key).array();
      }
      var oKeyPad = [], iKeyPad = [];
      for (i = 0; i < 64; ++i) {
        var b = key[i] || 0;
        oKeyPad[i] = 92 ^ b;
        iKeyPad[i] = 54 ^ b;
      }
      Md5.call(this, sharedMemory);
      this.update(iKeyPad);
      this.oKeyPad = oKeyPad;
      this.inner = true;
      this.sharedMemory = sharedMemory;
    }
    {
      HmacMd5.prototype = new Md5();
      HmacMd5.prototype.finalize = function() {
        Md5.prototype.finalize.call(this);
        if (this.inner) {
          this.inner = false;
          var innerHash = this.array();
          Md5.call(this, this.sharedMemory);
          this.update(this.oKeyPad);
          this.update(innerHash);
          Md5.prototype.finalize.call(this);
        }
      };
    }
    var exports = createMethod();
    exports.md5 = exports;
    {
      exports.md5.hmac = createHmacMethod();
    }
    if (COMMON_JS) {
      module.exports = exports;
    } else {
      root.md5 = exports;
    }
  })();
})(md5$1);
var md5Exports = md5$1.exports;
var md5 = /* @__PURE__ */ getDefaultExportFromCjs(md5Exports);

// src/sim/balancer/peer.ts
function ngxTime(ms) {
  return Math.floor(ms / 1e3);
}
function stickyId(spec, flavor) {
  if (spec.cookieValue !== void 0 && spec.cookieValue !== "") return spec.cookieValue;
  return flavor === "nginx" ? md5.hex(spec.address) : "";
}
function createPeer(spec, index, flavor, rise) {
  return {
    index,
    name: spec.name,
    address: spec.address,
    weight: spec.weight,
    maxFails: spec.maxFails,
    failTimeoutSec: spec.failTimeoutSec,
    backup: spec.backup,
    down: spec.down,
    drain: spec.drain ?? false,
    sid: stickyId(spec, flavor),
    currentWeight: 0,
    effectiveWeight: spec.weight,
    conns: 0,
    fails: 0,
    accessed: 0,
    checked: 0,
    // HAProxy cfgparse: "health = rise; /* up, but will fall down at first failure */"
    health: rise,
    checkFails: 0,
    lcSeq: index
  };
}
function isTempDown(p, now) {
  return p.maxFails > 0 && p.fails >= p.maxFails && ngxTime(now) - ngxTime(p.checked) <= p.failTimeoutSec;
}
function touchChecked(p, now) {
  if (ngxTime(now) - ngxTime(p.checked) > p.failTimeoutSec) p.checked = now;
}
function createGroup(peers, single) {
  return { peers, totalWeight: peers.reduce((s, p) => s + p.weight, 0), single };
}
function groupTries(g) {
  if (g === null) return 0;
  let n = 0;
  for (const p of g.peers) if (!p.down) n++;
  return n;
}
function peerView(p, unavailable, fails = p.fails) {
  return {
    index: p.index,
    name: p.name,
    address: p.address,
    weight: p.weight,
    backup: p.backup,
    down: p.down,
    conns: p.conns,
    fails,
    unavailable
  };
}

// src/sim/balancer/routeState.ts
function createRouteState(group, tries) {
  const words = Math.max(1, Math.ceil(group.peers.length / 32));
  return {
    group,
    tried: new Array(words).fill(0),
    tries,
    current: null,
    hint: null,
    addr: [],
    key: "",
    hash: 0,
    hashTries: 0,
    rehash: 0,
    cookieSid: null
  };
}
function isTried(tried, i) {
  return ((tried[i >>> 5] ?? 0) & 1 << (i & 31)) !== 0;
}
function setTried(tried, i) {
  const w = i >>> 5;
  while (tried.length <= w) tried.push(0);
  tried[w] = (tried[w] ?? 0) | 1 << (i & 31);
}
function resetTried(tried) {
  tried.fill(0);
}

// src/sim/balancer/roundRobin.ts
function peerBySid(r, now) {
  const peers = r.group.peers;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i];
    if (p.sid !== r.hint) continue;
    if (isTried(r.tried, i) || p.down || isTempDown(p, now)) return -1;
    return i;
  }
  return -1;
}
function chosen(r, i, now) {
  const best = r.group.peers[i];
  r.current = best;
  setTried(r.tried, i);
  touchChecked(best, now);
  return best;
}
function getPeer(r, now) {
  const peers = r.group.peers;
  const st = r.hint === null ? -1 : peerBySid(r, now);
  if (st >= 0) {
    const sp = peers[st];
    if (sp.currentWeight <= -(r.group.totalWeight - sp.weight)) return chosen(r, st, now);
  }
  let best = -1;
  let total = 0;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i];
    if (isTried(r.tried, i) || p.down || p.drain || isTempDown(p, now)) continue;
    p.currentWeight += p.effectiveWeight;
    total += p.effectiveWeight;
    if (p.effectiveWeight < p.weight) p.effectiveWeight++;
    if (best < 0 || p.currentWeight > peers[best].currentWeight) best = i;
  }
  if (st >= 0) best = st;
  if (best < 0) return null;
  peers[best].currentWeight -= total;
  return chosen(r, best, now);
}
function getRoundRobinPeer(up, r, now) {
  const group = r.group;
  let peer;
  if (group.single) {
    const only = group.peers[0];
    peer = only.down ? null : only;
    r.current = peer;
  } else {
    peer = getPeer(r, now);
  }
  if (peer !== null) {
    peer.conns++;
    return peer;
  }
  if (group === up.primary && up.backup !== null) {
    r.group = up.backup;
    resetTried(r.tried);
    const fromBackup = getRoundRobinPeer(up, r, now);
    if (fromBackup !== null) return fromBackup;
  }
  return null;
}
function freeRoundRobinPeer(r, peer, ok, now) {
  if (r.group.single) {
    peer.fails = 0;
    peer.conns--;
    r.tries = 0;
    return;
  }
  if (!ok) {
    peer.fails++;
    peer.accessed = now;
    peer.checked = now;
    if (peer.maxFails > 0) peer.effectiveWeight -= Math.trunc(peer.weight / peer.maxFails);
    if (peer.effectiveWeight < 0) peer.effectiveWeight = 0;
  } else if (ngxTime(peer.accessed) < ngxTime(peer.checked)) {
    peer.fails = 0;
  }
  peer.conns--;
  if (r.tries > 0) r.tries--;
}
var roundRobin = Object.freeze({
  init() {
  },
  get: getRoundRobinPeer
});

// src/sim/balancer/ipHash.ts
var PSEUDO_ADDR = [0, 0, 0];
function ipHashKey(ip) {
  const v4 = parseIPv4(ip);
  if (v4 !== null) return v4.slice(0, 3);
  return parseIPv6(ip) ?? PSEUDO_ADDR;
}
function ipHashStep(hash, addr) {
  let h = hash;
  for (const b of addr) h = (h * 113 + b) % 6271;
  return h;
}
function weightSlot(hash, peers, totalWeight) {
  let w = hash % totalWeight;
  let p = 0;
  while (w >= peers[p].weight) {
    w -= peers[p].weight;
    p++;
  }
  return p;
}
function getIpHashPeer(up, r, now) {
  const group = r.group;
  if (r.hashTries > 20 || group.peers.length < 2) return getRoundRobinPeer(up, r, now);
  let hash = r.hash;
  let p;
  for (; ; ) {
    hash = ipHashStep(hash, r.addr);
    p = weightSlot(hash, group.peers, group.totalWeight);
    const peer2 = group.peers[p];
    if (!isTried(r.tried, p) && !peer2.down && !isTempDown(peer2, now)) break;
    if (++r.hashTries > 20) return getRoundRobinPeer(up, r, now);
  }
  const peer = group.peers[p];
  r.current = peer;
  peer.conns++;
  touchChecked(peer, now);
  setTried(r.tried, p);
  r.hash = hash;
  return peer;
}
var ipHash = Object.freeze({
  init(_up, r, req) {
    r.addr = ipHashKey(req.ip);
    r.hash = 89;
    r.hashTries = 0;
  },
  get: getIpHashPeer
});

// src/sim/balancer/hashCookie.ts
function cookieKey(req, cookieName) {
  const m = /^[A-Za-z0-9_]*/.exec(cookieName);
  const varName = m === null ? "" : m[0];
  const literal = cookieName.slice(varName.length);
  return (varName === "" ? "" : req.cookie(varName) ?? "") + literal;
}
function usable(r, i, now) {
  const p = r.group.peers[i];
  return !isTried(r.tried, i) && !p.down && !isTempDown(p, now);
}
function getChashPeer(up, r, now) {
  const group = r.group;
  const points = up.points;
  if (r.hashTries > 20 || group.single || r.key.length === 0 || points === null) {
    return getRoundRobinPeer(up, r, now);
  }
  if (group.peers.length === 0 || points.hash.length === 0) return null;
  const peers = group.peers;
  for (; ; ) {
    const server = points.server[r.hash % points.hash.length];
    let best = -1;
    let total = 0;
    for (let i = 0; i < peers.length; i++) {
      const p = peers[i];
      if (!usable(r, i, now) || p.address !== server) continue;
      p.currentWeight += p.effectiveWeight;
      total += p.effectiveWeight;
      if (p.effectiveWeight < p.weight) p.effectiveWeight++;
      if (best < 0 || p.currentWeight > peers[best].currentWeight) best = i;
    }
    if (best >= 0) {
      const winner = peers[best];
      winner.currentWeight -= total;
      r.current = winner;
      winner.conns++;
      touchChecked(winner, now);
      setTried(r.tried, best);
      return winner;
    }
    r.hash++;
    if (++r.hashTries > 20) return getRoundRobinPeer(up, r, now);
  }
}
function getHashPeer(up, r, now) {
  const group = r.group;
  if (r.hashTries > 20 || group.peers.length < 2 || r.key.length === 0) return getRoundRobinPeer(up, r, now);
  let p;
  for (; ; ) {
    const c = r.rehash > 0 ? crc32(r.key, crc32(String(r.rehash))) : crc32(r.key);
    r.hash = r.hash + (c >>> 16 & 32767) >>> 0;
    r.rehash++;
    p = weightSlot(r.hash, group.peers, group.totalWeight);
    if (usable(r, p, now)) break;
    if (++r.hashTries > 20) return getRoundRobinPeer(up, r, now);
  }
  const peer = group.peers[p];
  r.current = peer;
  peer.conns++;
  touchChecked(peer, now);
  setTried(r.tried, p);
  return peer;
}
function initKey(up, r, req) {
  r.key = cookieKey(req, up.settings.hashCookie.name);
  r.hash = 0;
  r.hashTries = 0;
  r.rehash = 0;
}
var hashCookieConsistent = Object.freeze({
  init(up, r, req) {
    initKey(up, r, req);
    if (up.points !== null && up.points.hash.length > 0) r.hash = findChashPoint(up.points, crc32(r.key));
  },
  get: getChashPeer
});
var hashCookie = Object.freeze({ init: initKey, get: getHashPeer });

// src/sim/balancer/haproxyFwrr.ts
var BE_WEIGHT_SCALE = 16;
var SRV_UWGHT_RANGE = 256;
var SRV_EWGHT_MAX = 256 * BE_WEIGHT_SCALE;
var eweight = (p) => p.weight * BE_WEIGHT_SCALE;
function insert(st, tree, index, key) {
  const s = st.srv[index];
  s.key = key;
  s.seq = ++st.seq;
  s.tree = tree;
  const t = st.trees[tree];
  let i = t.length;
  while (i > 0 && st.srv[t[i - 1]].key > key) i--;
  t.splice(i, 0, index);
}
function dequeue(st, index) {
  const s = st.srv[index];
  if (s.tree === null) return;
  const t = st.trees[s.tree];
  const at = t.indexOf(index);
  if (at >= 0) t.splice(at, 1);
}
function queueByWeight(st, tree, p) {
  insert(st, tree, p.index, SRV_EWGHT_MAX - eweight(p));
}
function queueSrv(st, p) {
  const s = st.srv[p.index];
  const ew = eweight(p);
  if (ew <= 0 || s.npos >= 2 * st.currWeight || s.npos >= st.currWeight + st.nextWeight) {
    s.npos -= st.currWeight;
    queueByWeight(st, st.next, p);
  } else {
    insert(st, "curr", p.index, SRV_UWGHT_RANGE * s.npos + Math.trunc((SRV_EWGHT_MAX + s.rweight - ew) / BE_WEIGHT_SCALE));
  }
}
function getSrv(st, index) {
  const s = st.srv[index];
  if (s.tree === st.init) {
    s.npos = 0;
    s.rweight = 0;
  } else if (s.tree === st.next) {
    s.npos += st.currWeight;
  } else if (s.tree === null) {
    s.npos = st.currPos;
  }
}
function createFwrr(all, usable2) {
  const act = all.filter((p) => !p.backup && usable2(p));
  const tot = act.reduce((n, p) => n + eweight(p), 0);
  const st = {
    currPos: tot,
    currWeight: tot,
    nextWeight: tot,
    init: "t0",
    next: "t1",
    trees: { curr: [], t0: [], t1: [] },
    srv: all.map(() => ({ npos: 0, lpos: 0, rweight: 0, tree: null, key: 0, seq: 0 })),
    seq: 0
  };
  for (const p of act) queueByWeight(st, st.init, p);
  return st;
}
function fwrrServerChanged(st, p, nowUsable) {
  if (p.backup) return;
  const s = st.srv[p.index];
  if (!nowUsable) {
    st.nextWeight -= eweight(p);
    dequeue(st, p.index);
    s.tree = null;
    return;
  }
  st.nextWeight += eweight(p);
  getSrv(st, p.index);
  dequeue(st, p.index);
  s.npos = st.currPos + Math.trunc((st.nextWeight + st.currWeight - st.currPos) / eweight(p));
  s.tree = null;
  queueSrv(st, p);
}
function serverFromGroup(st, all) {
  const i1 = st.trees.curr[0];
  const s1 = i1 === void 0 ? null : all[i1];
  if (s1 !== null && st.srv[s1.index].npos <= st.currPos) return s1;
  const i2 = st.trees[st.init][0];
  if (i2 !== void 0) {
    const s = st.srv[i2];
    s.npos = 0;
    s.rweight = 0;
    return all[i2];
  }
  return s1;
}
function updatePosition(st, p) {
  const s = st.srv[p.index];
  const ew = eweight(p);
  if (s.npos === 0) s.npos = st.currPos;
  s.lpos = s.npos;
  s.npos += Math.trunc(st.nextWeight / ew);
  s.rweight += st.nextWeight % ew;
  if (s.rweight >= ew) {
    s.rweight -= ew;
    s.npos++;
  }
}
function fwrrNext(st, all, avoid) {
  let switched = false;
  let avoided = null;
  const full = [];
  let srv = null;
  let take = false;
  outer: for (; ; ) {
    if (st.currWeight === 0) st.currPos = st.currWeight = st.nextWeight;
    for (; ; ) {
      srv = serverFromGroup(st, all);
      if (srv !== null) break;
      if (switched) {
        if (avoided !== null) {
          srv = avoided;
          take = true;
          break outer;
        }
        break outer;
      }
      switched = true;
      const swap = st.init;
      st.init = st.next;
      st.next = swap;
      st.currWeight = st.nextWeight;
      st.currPos = st.currWeight;
    }
    updatePosition(st, srv);
    dequeue(st, srv.index);
    st.srv[srv.index].tree = null;
    st.currPos++;
    if (srv !== avoid || avoided !== null) {
      take = true;
      break;
    }
    avoided = srv;
    full.unshift(srv);
  }
  if (take && srv !== null) queueSrv(st, srv);
  for (const f of full) {
    if (f === srv) continue;
    if (switched) queueByWeight(st, st.init, f);
    else queueSrv(st, f);
  }
  return take ? srv : null;
}

// src/sim/balancer/upstreamState.ts
var HAPROXY_CHECK = { interMs: 2e3, rise: 2, fall: 3 };
var HAPROXY_RETRIES = 3;
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
function createUpstreamState(settings, nodes) {
  const flavor = settings.flavor;
  if (flavor === "haproxy" && settings.strategy === "hash-cookie") {
    throw new Error("HAProxy cookie hashing (balance hash req.cook(...)) is not modelled");
  }
  const all = nodes.map((n, i) => createPeer(n, i, flavor, HAPROXY_CHECK.rise));
  const primaries = all.filter((p) => !p.backup);
  const backups = all.filter((p) => p.backup);
  if (flavor === "nginx" && primaries.length === 0) throw new Error("no servers in upstream");
  const backup = backups.length > 0 ? createGroup(backups, false) : null;
  const primary = createGroup(primaries, primaries.length === 1 && backup === null);
  const consistent = flavor === "nginx" && settings.strategy === "hash-cookie" && settings.hashCookie.consistent;
  return {
    settings,
    all,
    primary,
    backup,
    points: consistent ? buildChashPoints(primaries) : null,
    map: null,
    mapGcd: all.reduce((g, p) => p.weight > 0 ? gcd(g, p.weight) : g, 0) || 1,
    lcCounter: all.length,
    // A fresh server is usable unless disabled or weight 0 (health starts at rise: running).
    fwrr: flavor === "haproxy" ? createFwrr(all, (p) => !p.down && p.weight > 0) : null,
    lastNow: 0
  };
}

// src/sim/balancer/haproxyHealth.ts
function isRunning(p) {
  return p.health >= HAPROXY_CHECK.rise;
}
function isUsable(p) {
  return !p.down && p.weight > 0 && isRunning(p);
}
function serverStateChanged(up, p, wasUsable) {
  const nowUsable = isUsable(p);
  if (wasUsable === nowUsable) return;
  up.map = null;
  if (up.fwrr !== null) fwrrServerChanged(up.fwrr, p, nowUsable);
  if (nowUsable) p.lcSeq = ++up.lcCounter;
}
function applyHealthCheck(up, p, ok) {
  const { rise, fall } = HAPROXY_CHECK;
  const wasUsable = isUsable(p);
  if (ok) {
    p.checkFails = 0;
    if (p.health < rise + fall - 1) p.health++;
  } else {
    p.checkFails++;
    if (p.health > rise) p.health--;
    else p.health = 0;
  }
  serverStateChanged(up, p, wasUsable);
}
function lbCandidates(up) {
  const active = up.all.filter((p) => !p.backup && isUsable(p));
  if (active.length > 0) return active;
  const fbck = up.all.find((p) => p.backup && isUsable(p));
  return fbck === void 0 ? [] : [fbck];
}

// src/sim/balancer/haproxyBalance.ts
var BE_WEIGHT_SCALE2 = 16;
var SRV_EWGHT_MAX2 = 256 * BE_WEIGHT_SCALE2;
function pickRoundRobin(up, avoid) {
  if (!up.all.some((p) => !p.backup && isUsable(p))) return lbCandidates(up)[0] ?? null;
  return fwrrNext(up.fwrr, up.all, avoid);
}
function leastConnKey(p) {
  return p.conns > 0 ? Math.floor((p.conns + 1) * SRV_EWGHT_MAX2 / (p.weight * BE_WEIGHT_SCALE2)) : 0;
}
function leastConnReposition(up, p, oldKey) {
  if (leastConnKey(p) !== oldKey) p.lcSeq = ++up.lcCounter;
}
function pickLeastConn(up, avoid) {
  const cands = lbCandidates(up);
  let best = null;
  let bestKey = 0;
  let avoided = null;
  for (const p of cands) {
    if (p === avoid) {
      avoided = p;
      continue;
    }
    const k = leastConnKey(p);
    if (best === null || k < bestKey || k === bestKey && p.lcSeq < best.lcSeq) {
      best = p;
      bestKey = k;
    }
  }
  return best ?? avoided;
}

// src/sim/balancer/haproxyMap.ts
function sourceHash(ip) {
  const b = addressBytes(ip) ?? [];
  let h = 0;
  for (let l = 0; l + 4 <= b.length; l += 4) h ^= b[l] << 24 | b[l + 1] << 16 | b[l + 2] << 8 | b[l + 3];
  return h >>> 0;
}
function recalcServerMap(up) {
  const eweight2 = (p) => p.weight / up.mapGcd;
  let cands = up.all.filter((p) => !p.backup && isUsable(p));
  let tot = cands.reduce((s, p) => s + eweight2(p), 0);
  if (cands.length === 0) {
    cands = up.all.filter((p) => p.backup && isUsable(p));
    tot = cands.length > 0 ? eweight2(cands[0]) : 0;
  }
  const map = [];
  if (tot === 0) return map;
  const wscore = new Map(cands.map((p) => [p, 0]));
  for (let o = 0; o < tot; o++) {
    let best = null;
    let max = 0;
    for (const cur of cands) {
      if (tot === 1) {
        best = cur;
        break;
      }
      const score = wscore.get(cur) + eweight2(cur);
      wscore.set(cur, score);
      const v = Math.trunc((score + tot) / tot);
      if (best === null || v > max) {
        max = v;
        best = cur;
      }
    }
    map.push(best);
    wscore.set(best, wscore.get(best) - tot);
  }
  return map;
}
function serverMap(up) {
  if (up.map === null) up.map = recalcServerMap(up);
  return up.map;
}
function pickSource(up, ip) {
  const map = serverMap(up);
  if (map.length === 0) return null;
  const used = map[0].backup ? 1 : up.all.reduce((n, p) => n + (!p.backup && isUsable(p) ? 1 : 0), 0);
  const h = used === 1 ? 0 : sourceHash(ip);
  return map[h % map.length];
}

// src/sim/balancer/haproxyRoute.ts
var HaproxyRoute = class {
  constructor(up, req) {
    this.up = up;
    this.req = req;
  }
  up;
  req;
  /** Why `next` last returned null, or null while it has not. */
  end = null;
  attempts = 0;
  assigned = null;
  current = null;
  /** SF_DIRECT: the server came from a valid persistence cookie. */
  direct = false;
  /** The balance algorithm; the `cookie` strategy balances new clients by roundrobin. */
  balance(avoid) {
    switch (this.up.settings.strategy) {
      case "least-conn":
        return pickLeastConn(this.up, avoid);
      case "ip-hash":
        return pickSource(this.up, this.req.ip);
      default:
        return pickRoundRobin(this.up, avoid);
    }
  }
  /** First assignment: a cookie naming a server that is not DOWN/MAINT wins; otherwise balance. */
  assign() {
    const s = this.up.settings;
    if (s.strategy === "cookie") {
      const v = this.req.cookie(s.stickyCookie.name);
      const srv = v === void 0 || v === "" ? void 0 : this.up.all.find((p) => p.sid === v && !p.down && isRunning(p));
      if (srv !== void 0) {
        this.direct = true;
        return srv;
      }
    }
    return this.balance(null);
  }
  /**
   * A retry goes to the same server unless `option redispatch` and one of: the server is no
   * longer running; this is the last retry (redispatch interval -1); or the stream is not
   * persistent, more than one active server is up and the algorithm is not a hash.
   */
  retryTarget(prev) {
    const s = this.up.settings;
    const activeUp = this.up.all.reduce((n, p) => n + (!p.backup && isUsable(p) ? 1 : 0), 0);
    const redispatch = s.redispatch && (prev.down || !isRunning(prev) || this.attempts % HAPROXY_RETRIES === 0 || !this.direct && activeUp > 1 && s.strategy !== "ip-hash");
    if (!redispatch) return prev;
    this.direct = false;
    return this.balance(prev);
  }
  /** {@inheritDoc Route.next} */
  next(now) {
    if (this.current !== null) throw new Error("Route.next() called before done() for the previous peer");
    this.up.lastNow = Math.max(this.up.lastNow, now);
    if (this.attempts > HAPROXY_RETRIES) {
      this.end = "retries-exhausted";
      return null;
    }
    const srv = this.assigned === null ? this.assign() : this.retryTarget(this.assigned);
    if (srv === null) {
      this.end = "no-server-available";
      return null;
    }
    this.attempts++;
    this.assigned = srv;
    this.current = srv;
    const oldKey = leastConnKey(srv);
    srv.conns++;
    leastConnReposition(this.up, srv, oldKey);
    return peerView(srv, !isRunning(srv), srv.checkFails);
  }
  /** {@inheritDoc Route.done} HAProxy counts nothing against the server here: only checks mark it down. */
  done(now, _ok) {
    const srv = this.current;
    if (srv === null) throw new Error("Route.done() without a peer from next()");
    this.up.lastNow = Math.max(this.up.lastNow, now);
    const oldKey = leastConnKey(srv);
    srv.conns--;
    leastConnReposition(this.up, srv, oldKey);
    this.current = null;
  }
  /**
   * `insert indirect`: Set-Cookie only when the server was not reached through a valid cookie
   * (none, unknown value, DOWN server, or redispatched). HAProxy writes `NAME=value; path=/`
   * (+ `; domain=` if configured) with no expiry: a browser-session cookie. A server without a
   * `cookie` value gets a removal instead, `NAME=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/`
   * (http_manage_server_side_cookies: "servers which don't have cookies ... will return a full
   * cookie removal request").
   */
  responseCookies() {
    const s = this.up.settings;
    if (s.strategy !== "cookie" || this.assigned === null || this.direct) return [];
    const c = s.stickyCookie;
    if (this.assigned.sid === "") return [{ name: c.name, value: "", maxAgeSec: 0, domain: null, path: "/" }];
    return [{ name: c.name, value: this.assigned.sid, maxAgeSec: null, domain: c.domain, path: "/" }];
  }
};

// src/sim/balancer/leastConn.ts
function eligible(r, i, now) {
  const p = r.group.peers[i];
  return !isTried(r.tried, i) && !p.down && !isTempDown(p, now);
}
function getLeastConnPeer(up, r, now) {
  const group = r.group;
  if (group.single) return getRoundRobinPeer(up, r, now);
  const peers = group.peers;
  let best = -1;
  let many = false;
  for (let i = 0; i < peers.length; i++) {
    if (!eligible(r, i, now)) continue;
    const p = peers[i];
    if (best < 0) {
      best = i;
      many = false;
      continue;
    }
    const b = peers[best];
    if (p.conns * b.weight < b.conns * p.weight) {
      best = i;
      many = false;
    } else if (p.conns * b.weight === b.conns * p.weight) {
      many = true;
    }
  }
  if (best >= 0) {
    let total = 0;
    if (many) {
      const first = peers[best];
      let chosen2 = best;
      for (let i = best; i < peers.length; i++) {
        const p = peers[i];
        if (!eligible(r, i, now) || p.conns * first.weight !== first.conns * p.weight) continue;
        p.currentWeight += p.effectiveWeight;
        total += p.effectiveWeight;
        if (p.effectiveWeight < p.weight) p.effectiveWeight++;
        if (p.currentWeight > peers[chosen2].currentWeight) chosen2 = i;
      }
      best = chosen2;
    }
    const winner = peers[best];
    winner.currentWeight -= total;
    touchChecked(winner, now);
    winner.conns++;
    r.current = winner;
    setTried(r.tried, best);
    return winner;
  }
  if (group === up.primary && up.backup !== null) {
    r.group = up.backup;
    resetTried(r.tried);
    const fromBackup = getLeastConnPeer(up, r, now);
    if (fromBackup !== null) return fromBackup;
  }
  return null;
}
var leastConn = Object.freeze({
  init() {
  },
  get: getLeastConnPeer
});

// src/sim/balancer/nginxRoute.ts
var NginxRoute = class {
  constructor(up, balancer, req) {
    this.up = up;
    this.balancer = balancer;
    this.r = createRouteState(up.primary, groupTries(up.primary) + groupTries(up.backup));
    balancer.init(up, this.r, req);
  }
  up;
  balancer;
  /** Why `next` last returned null, or null while it has not. */
  end = null;
  r;
  attempts = 0;
  /** {@inheritDoc Route.next} */
  next(now) {
    if (this.r.current !== null) throw new Error("Route.next() called before done() for the previous peer");
    this.up.lastNow = Math.max(this.up.lastNow, now);
    if (this.attempts > 0 && this.r.tries === 0) {
      this.end = "tries-exhausted";
      return null;
    }
    const peer = this.balancer.get(this.up, this.r, now);
    if (peer === null) {
      this.r.current = null;
      this.end = "no-live-upstreams";
      return null;
    }
    this.attempts++;
    this.r.current = peer;
    return peerView(peer, false);
  }
  /** {@inheritDoc Route.done} */
  done(now, ok) {
    const peer = this.r.current;
    if (peer === null) throw new Error("Route.done() without a peer from next()");
    this.up.lastNow = Math.max(this.up.lastNow, now);
    freeRoundRobinPeer(this.r, peer, ok, now);
    this.r.current = null;
  }
  /** {@inheritDoc Route.responseCookies} */
  responseCookies() {
    return this.balancer.cookies?.(this.up, this.r) ?? [];
  }
};

// src/sim/balancer/stickyCookie.ts
var STICKY_EXPIRES_MAX = 2145916555;
var stickyCookie = Object.freeze({
  init(up, r, req) {
    const v = req.cookie(up.settings.stickyCookie.name);
    r.hint = v === void 0 || v === "" ? null : v;
  },
  get(up, r, now) {
    const peer = getRoundRobinPeer(up, r, now);
    if (peer !== null) r.cookieSid = peer.sid;
    return peer;
  },
  cookies(up, r) {
    if (r.cookieSid === null) return [];
    const c = up.settings.stickyCookie;
    const maxAgeSec = c.expiresSec === STICKY_EXPIRES_MAX ? 31536e4 : c.expiresSec;
    return [{ name: c.name, value: r.cookieSid, maxAgeSec, domain: c.domain, path: c.path }];
  }
});

// src/sim/balancer/upstream.ts
function nginxBalancer(settings) {
  switch (settings.strategy) {
    case "round-robin":
      return roundRobin;
    case "least-conn":
      return leastConn;
    case "ip-hash":
      return ipHash;
    case "cookie":
      return stickyCookie;
    case "hash-cookie":
      return settings.hashCookie.consistent ? hashCookieConsistent : hashCookie;
  }
}
var Upstream = class {
  state;
  balancer;
  /**
   * @param settings flavour, strategy and cookie names.
   * @param nodes the server lines, in order. Throws if nginx would refuse them ("no servers in upstream").
   */
  constructor(settings, nodes) {
    this.state = createUpstreamState(settings, nodes);
    this.balancer = settings.flavor === "nginx" ? nginxBalancer(settings) : null;
  }
  /** Start routing one request. Call `next(now)` for a peer, then `done(now, ok)`, as many times as the engine retries. */
  route(req, now) {
    this.state.lastNow = Math.max(this.state.lastNow, now);
    return this.balancer === null ? new HaproxyRoute(this.state, req) : new NginxRoute(this.state, this.balancer, req);
  }
  /** Every server in upstream order, as seen at `now` (default: the latest time the balancer was given). */
  peers(now = this.state.lastNow) {
    const haproxy = this.balancer === null;
    return this.state.all.map((p) => haproxy ? peerView(p, !isRunning(p), p.checkFails) : peerView(p, isTempDown(p, now)));
  }
  /**
   * Configure a server `down` or back. nginx: the `down` flag (keeps its ip_hash slot; a real
   * nginx needs a reload, which would also reset the counters: they are kept here). HAProxy:
   * maintenance mode (no traffic, its cookie is ignored, `balance source` remaps).
   */
  setDown(name, down) {
    const p = this.find(name);
    const wasUsable = isUsable(p);
    p.down = down;
    serverStateChanged(this.state, p, wasUsable);
  }
  /** nginx 1.29.6+ `drain` on a server (or off): clients bound by the sticky cookie stay, new ones go elsewhere. */
  setDrain(name, drain) {
    this.find(name).drain = drain;
  }
  /**
   * HAProxy: the result of one active check (`check inter 2000 fall 3 rise 2`); the engine calls
   * it every {@link HAPROXY_CHECK}.interMs per server. nginx open source has no active checks:
   * ignored there.
   */
  healthCheck(name, ok, now) {
    this.state.lastNow = Math.max(this.state.lastNow, now);
    if (this.balancer !== null) return;
    applyHealthCheck(this.state, this.find(name), ok);
  }
  /**
   * Whether a request whose upstream failed *after it was sent* (the app process died, the
   * connection was reset before a response) goes to the next server. nginx: yes for a GET
   * (`proxy_next_upstream error`; a POST is not retried unless `non_idempotent`). HAProxy: no,
   * whatever the method: `retries` only covers connection failures (`retry-on conn-failure`, the
   * default), so the client gets a 502 at once. A refused connection is retried by both.
   * Verified against nginx 1.22 and haproxy 2.6 by `npm run oracles`.
   */
  retriesAfterSent(method) {
    return this.balancer !== null && method === "GET";
  }
  /** The status the engine answers when a Route ends with no peer: nginx 502, HAProxy 503. */
  get noPeerStatus() {
    return this.balancer === null ? 503 : 502;
  }
  find(name) {
    const p = this.state.all.find((x) => x.name === name);
    if (p === void 0) throw new Error(`no server named ${name} in the upstream`);
    return p;
  }
};

// src/sim/machines/nodeMachine.ts
var nodeMachine = setup({
  types: {
    context: {},
    events: {},
    input: {}
  },
  guards: {
    /** A boot finishes only for the process lifetime it was scheduled for. */
    currentEpoch: ({ context, event }) => event.type === "BOOTED" && event.epoch === context.epoch,
    notBooting: not(stateIn({ process: "booting" }))
  },
  actions: {
    killProcess: assign({ epoch: ({ context }) => context.epoch + 1 }),
    newInstance: assign({ generation: ({ context }) => context.generation + 1 }),
    entered: assign(({ context, event }, p) => recordEntry(context, event, p.region, p.state))
  }
}).createMachine({
  id: "node",
  context: ({ input }) => ({ name: input.name, epoch: 1, generation: 1, ...startTimeline() }),
  type: "parallel",
  states: {
    process: {
      initial: "up",
      // From any state but booting: a restart keeps the disk, a replacement is a new instance.
      on: {
        RESTART: { target: ".booting", guard: "notBooting", actions: "killProcess" },
        REPLACE: { target: ".booting", guard: "notBooting", actions: ["killProcess", "newInstance"] }
      },
      states: {
        booting: {
          entry: { type: "entered", params: { region: "process", state: "booting" } },
          on: {
            BOOTED: { target: "up", guard: "currentEpoch" },
            CRASH: { target: "down", actions: "killProcess" }
          }
        },
        up: {
          entry: { type: "entered", params: { region: "process", state: "up" } },
          on: {
            DRAIN: "draining",
            CRASH: { target: "down", actions: "killProcess" }
          }
        },
        draining: {
          entry: { type: "entered", params: { region: "process", state: "draining" } },
          on: {
            DRAINED: "down",
            CRASH: { target: "down", actions: "killProcess" }
          }
        },
        down: {
          entry: { type: "entered", params: { region: "process", state: "down" } }
        }
      }
    },
    link: {
      initial: "connected",
      states: {
        connected: {
          entry: { type: "entered", params: { region: "link", state: "connected" } },
          on: { PARTITION: "partitioned" }
        },
        partitioned: {
          entry: { type: "entered", params: { region: "link", state: "partitioned" } },
          on: { HEAL: "connected" }
        }
      }
    }
  }
});
function processState(s) {
  return s.value.process;
}
function linkState(s) {
  return s.value.link;
}
function acceptsConnections(state) {
  return state === "up" || state === "draining";
}
function nodeRefusal(s, event) {
  if (s.can(event)) return null;
  const name = s.context.name;
  const state = processState(s);
  switch (event.type) {
    case "CRASH":
      return `${name} is already down`;
    case "DRAIN":
      return `${name} is ${state}: only a node that is up can be drained`;
    case "RESTART":
    case "REPLACE":
      return `${name} is already booting: wait until it is up, or crash it`;
    case "PARTITION":
      return `${name} is already cut off from Redis`;
    case "HEAL":
      return `${name} is already connected to Redis`;
    case "DRAINED":
      return `${name} is ${state}, not draining`;
    case "BOOTED":
      return state === "booting" ? `${name} was restarted again: this boot is stale` : `${name} is ${state}, not booting`;
  }
}

// src/sim/session/fileStore.ts
var FileSessionDir = class {
  constructor(lifetimeMs) {
    this.lifetimeMs = lifetimeMs;
  }
  lifetimeMs;
  /** Ordered by mtime, oldest first (a write moves its file to the end), so the GC sweep stops at the first young file. */
  files = /* @__PURE__ */ new Map();
  /** FileSessionHandler::read ignores a file last modified before now − lifetime. */
  read(id, req) {
    const f = this.files.get(id);
    return f && f.mtime >= req.now - this.lifetimeMs ? f.data : null;
  }
  write(id, data, req) {
    this.files.delete(id);
    this.files.set(id, { data, mtime: req.now });
  }
  destroy(id) {
    this.files.delete(id);
  }
  /** The GC lottery's sweep: delete files older than the lifetime. Returns how many went. */
  gc(now) {
    let n = 0;
    for (const [id, f] of this.files) {
      if (f.mtime >= now - this.lifetimeMs) break;
      this.files.delete(id);
      n++;
    }
    return n;
  }
  /** The node was replaced by a fresh instance: its disk is gone. */
  wipe() {
    this.files.clear();
  }
};

// src/sim/cluster/appNode.ts
var RESTART_BOOT_MS = 5e3;
var REPLACE_BOOT_MS = 15e3;
var AppNode = class {
  constructor(spec, index, lifetimeMin) {
    this.spec = spec;
    this.actor = createActor(nodeMachine, { input: { name: spec.name } }).start();
    this.disk = new FileSessionDir(lifetimeMin * 6e4);
    this.privateIp = `10.0.0.${11 + index}`;
  }
  spec;
  actor;
  /** `storage/framework/sessions` on this instance's disk. */
  disk;
  /** Requests being processed. */
  inFlight = 0;
  /** Session locks held in this node's own cache store (file/array drivers). */
  locks = /* @__PURE__ */ new Map();
  /** Private address (the balancer's view, redis MONITOR's client address). */
  privateIp;
  get name() {
    return this.spec.name;
  }
  get snapshot() {
    return this.actor.getSnapshot();
  }
  get state() {
    return processState(this.actor.getSnapshot());
  }
  /** Packets from this node to Redis are dropped (the machine's `link` region). */
  get partitioned() {
    return linkState(this.actor.getSnapshot()) === "partitioned";
  }
  /** PHP-FPM process lifetime counter: a request begun in an older epoch died with it. */
  get epoch() {
    return this.actor.getSnapshot().context.epoch;
  }
  get accepting() {
    return acceptsConnections(this.state);
  }
  /**
   * Send a lifecycle event if the machine accepts it; otherwise return the machine's reason
   * (nothing changes). A new instance (REPLACE) comes with an empty disk.
   */
  send(event) {
    const before = this.actor.getSnapshot();
    const refused2 = nodeRefusal(before, event);
    if (refused2) return refused2;
    this.actor.send(event);
    if (this.actor.getSnapshot().context.generation !== before.context.generation) this.disk.wipe();
    return null;
  }
  /** A checkpoint's copy: the disk and locks copied, the machine restored from its persisted state. */
  [CLONE](c) {
    return c.copyFields(this, { actor: createActor(nodeMachine, { input: { name: this.name }, snapshot: this.actor.getPersistedSnapshot() }).start() });
  }
};

// src/sim/eventQueue.ts
var INITIAL_CAPACITY = 1024;
var EventQueue = class {
  heap = [];
  /** `heap[i].t` and `heap[i].seq`, slot for slot. */
  times = new Float64Array(INITIAL_CAPACITY);
  seqs = new Float64Array(INITIAL_CAPACITY);
  nextSeq = 0;
  get size() {
    return this.heap.length;
  }
  /** Schedule an event; its `seq` is overwritten with the next sequence number. */
  push(event) {
    const seq = event.seq = this.nextSeq++;
    const t = event.t;
    const heap = this.heap;
    let i = heap.push(event) - 1;
    if (i >= this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    while (i > 0) {
      const parent = i - 1 >> 1;
      const pt = times[parent];
      if (pt < t || pt === t && seqs[parent] < seq) break;
      heap[i] = heap[parent];
      times[i] = pt;
      seqs[i] = seqs[parent];
      i = parent;
    }
    heap[i] = event;
    times[i] = t;
    seqs[i] = seq;
  }
  /** The time of the earliest event, Infinity when there is none (read without touching the event). */
  nextTime() {
    return this.heap.length === 0 ? Infinity : this.times[0];
  }
  /** The earliest event without removing it. */
  peek() {
    return this.heap[0];
  }
  /** Remove and return the earliest event. */
  pop() {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === void 0 || last === void 0 || heap.length === 0) return top;
    const times = this.times;
    const seqs = this.seqs;
    const n = heap.length;
    const lt = times[n];
    const ls = seqs[n];
    let i = 0;
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = l;
      if (r < n) {
        const rt = times[r];
        const lft = times[l];
        if (rt < lft || rt === lft && seqs[r] < seqs[l]) child = r;
      }
      const ct = times[child];
      if (ct > lt || ct === lt && seqs[child] > ls) break;
      heap[i] = heap[child];
      times[i] = ct;
      seqs[i] = seqs[child];
      i = child;
    }
    heap[i] = last;
    times[i] = lt;
    seqs[i] = ls;
    return top;
  }
  grow() {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
};

// src/sim/feed.ts
function feed(w, kind, text) {
  const item = { t: w.now, kind, text };
  w.feed.push(item);
  if (w.feed.length > 500) w.feed.shift();
  w.listeners.onFeed?.(item);
}

// src/sim/redis/errors.ts
var RedisConnectionError = class extends Error {
  name = "RedisConnectionError";
  constructor() {
    super("Connection refused");
  }
};
var RedisTimeoutError = class extends Error {
  constructor(afterMs = Infinity) {
    super("Connection timed out");
    this.afterMs = afterMs;
  }
  afterMs;
  name = "RedisTimeoutError";
};
function isRedisError(err) {
  return err instanceof RedisConnectionError || err instanceof RedisTimeoutError || err instanceof RedisReplyError;
}
var RedisReplyError = class extends Error {
  name = "RedisReplyError";
};
var OOM_MESSAGE = "OOM command not allowed when used memory > 'maxmemory'.";
function arityError(fullName) {
  return new RedisReplyError(`ERR wrong number of arguments for '${fullName}' command`);
}
function unknownCommandError(name, args) {
  let tail = "";
  for (const arg of args) {
    if (tail.length >= 128) break;
    tail += `'${arg.slice(0, 128 - tail.length)}' `;
  }
  const text = `ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${tail}`;
  return new RedisReplyError(text.replace(/[\r\n]/g, " "));
}
var syntaxError = () => new RedisReplyError("ERR syntax error");
var notIntegerError = () => new RedisReplyError("ERR value is not an integer or out of range");
var invalidExpireError = (cmd) => new RedisReplyError(`ERR invalid expire time in '${cmd}' command`);

// src/sim/cluster/cacheTraffic.ts
var CACHE_PROFILES = {
  light: { opsPerSec: 20, valueBytes: 1024 },
  heavy: { opsPerSec: 200, valueBytes: 4096 }
};
var CACHE_KEY_SPACE = 5e4;
var FOREVER_SHARE = 0.3;
var CACHE_TTL_SEC = 600;
var values = /* @__PURE__ */ new Map();
function valueOf(bytes) {
  let v = values.get(bytes);
  if (!v) values.set(bytes, v = `s:${bytes}:"${"x".repeat(bytes)}";`);
  return v;
}
function startCacheTraffic(w) {
  const load = w.settings.redis.cacheLoad ?? "none";
  if (load === "none" || !w.cacheRedis) return;
  w.queue.push({ kind: "cache", t: w.rng.cache.exp(1e3 / CACHE_PROFILES[load].opsPerSec), seq: 0 });
}
async function cacheOp(w) {
  const load = w.settings.redis.cacheLoad ?? "none";
  const redis = w.cacheRedis;
  if (load === "none" || !redis) return;
  const p = CACHE_PROFILES[load];
  const rng = w.rng.cache;
  w.queue.push({ kind: "cache", t: w.now + rng.exp(1e3 / p.opsPerSec), seq: 0 });
  const key = `${w.names.redisPrefix}${w.names.cachePrefix}fragment:${rng.int(CACHE_KEY_SPACE)}`;
  const client = `10.0.0.${11 + rng.int(w.nodes.size)}:cache`;
  try {
    if (rng.chance(0.3)) await redis.get(key, client);
    else if (rng.chance(FOREVER_SHARE)) await redis.command("SET", [key, valueOf(p.valueBytes)], client);
    else await redis.setex(key, CACHE_TTL_SEC, valueOf(p.valueBytes), client);
  } catch (err) {
    if (!isRedisError(err)) throw err;
    w.cacheErrors++;
  }
}
function redisDbOf(w, key) {
  const prefix = w.names.redisPrefix + w.names.cachePrefix;
  if (!key.startsWith(prefix)) return 0;
  const rest = key.slice(prefix.length);
  if (rest.startsWith("fragment:")) return 1;
  if (rest.startsWith("session:")) return 0;
  return w.settings.session.connection === "cache" ? 1 : 0;
}
function cacheClearProblem(w) {
  const redis = w.cacheRedis;
  if (!redis) return "the cache store is not Redis here (add a cache load, or use the redis session driver)";
  if (!redis.isUp || redis.blackhole) return "Redis is not reachable: cache:clear fails with a connection error";
  return null;
}
async function cacheClear(w) {
  const redis = w.cacheRedis;
  if (cacheClearProblem(w) !== null || !redis) return;
  const keys2 = (await redis.keys("*", "artisan")).filter((k) => redisDbOf(w, k) === 1);
  for (let i = 0; i < keys2.length; i += 500) await redis.command("DEL", keys2.slice(i, i + 500), "artisan");
  const fragment = `${w.names.redisPrefix}${w.names.cachePrefix}fragment:`;
  const sessions = keys2.filter((k) => !k.startsWith(fragment)).length;
  const cached = keys2.length - sessions;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const sessionWords = sessions > 0 ? ` and ${plural(sessions, "session")}: SESSION_CONNECTION=cache put them in the cache's database, so everyone is logged out` : w.settings.session.driver !== "redis" ? "; no sessions are in Redis" : w.redis !== redis ? "; the sessions are on their own Redis and stay" : "; the sessions are in database 0 (SESSION_CONNECTION=default) and stay";
  feed(w, sessions > 0 ? "fault" : "info", `php artisan cache:clear: FLUSHDB on the cache connection (database 1) removed ${plural(cached, "cached value")}${sessionWords}`);
}

// src/sim/cluster/sessionRedis.ts
var REPLICATION_LAG_MS = 1e3;
var SENTINEL_DOWN_AFTER_MS = 3e4;
var SENTINEL_FAILOVER_MS = 2e3;
function replicate(w, op, key, seconds, value) {
  if (!w.replica) return;
  w.pendingReplication++;
  w.queue.push({ kind: "replicate", t: w.now + REPLICATION_LAG_MS, seq: 0, r: { op, key, seconds, value, stream: w.replicationStream } });
}
function applyReplication(w, r) {
  const replica = w.replica;
  if (r.stream !== w.replicationStream || !replica) return;
  w.pendingReplication--;
  const now = replica.immediate;
  if (now) {
    if (r.op === "setex") now.setexNow(r.key, r.seconds, r.value);
    else now.delNow(r.key);
    return;
  }
  return (r.op === "setex" ? replica.setex(r.key, r.seconds, r.value) : replica.del(r.key)).then(() => void 0);
}

// src/sim/cluster/deploy.ts
function startDeploy(w) {
  if (w.deploy) return "a deploy is already rolling";
  const order = [...w.nodes.values()].filter((n) => n.state === "up").map((n) => n.name);
  if (order.length === 0) return "no node is up to deploy to";
  w.deploy = { pending: order, current: null, replaced: 0 };
  feed(w, "info", `deploy started: ${order.length} node${order.length === 1 ? "" : "s"} in turn (drain \u2192 replace \u2192 boot)`);
  nextNode(w);
  return null;
}
function nextNode(w) {
  const d = w.deploy;
  const name = d.pending.shift();
  if (name === void 0) {
    feed(w, "recovery", `deploy finished: ${d.replaced} node${d.replaced === 1 ? "" : "s"} on the new release`);
    w.deploy = null;
    return;
  }
  const node = w.nodes.get(name);
  if (!node || node.state !== "up") return nextNode(w);
  d.current = name;
  node.send({ type: "DRAIN", at: w.now, by: "deploy" });
  w.upstream.setDown(name, true);
  feed(w, "info", `deploy: draining ${name} (${node.inFlight} request${node.inFlight === 1 ? "" : "s"} in flight)`);
  if (node.inFlight === 0) nodeDrained(w, node);
}
function nodeDrained(w, node) {
  if (node.send({ type: "DRAINED", at: w.now, by: "engine" })) return;
  if (w.deploy?.current !== node.name) return;
  node.send({ type: "REPLACE", at: w.now, by: "deploy" });
  w.queue.push({ kind: "booted", t: w.now + REPLACE_BOOT_MS, seq: 0, node: node.name, epoch: node.epoch });
  feed(w, "fault", `deploy: ${node.name} replaced by the new release \u2014 its disk (and session files) is new`);
}
function deployNodeUp(w, name) {
  if (w.deploy?.current !== name) return;
  w.deploy.replaced++;
  w.deploy.current = null;
  nextNode(w);
}

// src/sim/redis/clientModel.ts
var PHP_DEFAULT_SOCKET_TIMEOUT_SEC = 60;
var PREDIS_CONNECT_TIMEOUT_SEC = 5;
function clientOf(r) {
  return r.client ?? "phpredis";
}
function blackholeFailSec(client, timeoutSec, phase) {
  if (timeoutSec !== null && timeoutSec !== void 0 && timeoutSec > 0) return timeoutSec;
  if (client === "predis" && phase === "connect") return PREDIS_CONNECT_TIMEOUT_SEC;
  return PHP_DEFAULT_SOCKET_TIMEOUT_SEC;
}
function blackholeOutcome(r, phase, proxyTimeoutMs) {
  const failMs = blackholeFailSec(clientOf(r), r.timeoutSec, phase) * 1e3;
  return failMs < proxyTimeoutMs ? { afterMs: failMs, status: 500 } : { afterMs: proxyTimeoutMs, status: 504 };
}
function followsFailover(r) {
  return clientOf(r) === "predis";
}
function handshakeCommands(r) {
  const out = [];
  if (r.password !== null && r.password !== "") out.push(["AUTH", "(redacted)"]);
  out.push(["SELECT", String(r.db)]);
  return out;
}
function blackholeWords(r, proxyTimeoutMs) {
  const o = blackholeOutcome(r, "connect", proxyTimeoutMs);
  return o.status === 504 ? `${clientOf(r)} waits ${blackholeFailSec(clientOf(r), r.timeoutSec, "connect")} s, nginx gives up first after ${proxyTimeoutMs / 1e3} s: 504` : `${clientOf(r)} gives up after ${o.afterMs / 1e3} s: RedisException, 500`;
}

// src/sim/cluster/clientFaults.ts
function databaseFault(w, down) {
  const db = w.db;
  if (!db) return "no database in this cluster (SESSION_DRIVER is not database)";
  if (db.connection !== "mysql") return "DB_CONNECTION=sqlite is a file on each server: there is no database server to stop";
  if (db.server.up === !down) return `the database server is already ${down ? "down" : "up"}`;
  db.server.up = !down;
  feed(w, down ? "fault" : "recovery", down ? "The MySQL server went down: every session read fails with a QueryException (500)" : "The MySQL server is back up");
  return null;
}
function staysOnDeadPrimary(w, lost) {
  if (followsFailover(w.settings.redis)) return false;
  w.replica = null;
  w.redisActor.send({ type: "PROMOTED", at: w.now, by: "engine" });
  w.redisActor.send({ type: "DOWN", at: w.now, by: "engine" });
  feed(w, "warning", `Sentinel promoted the replica (${lost} write${lost === 1 ? "" : "s"} lost), but phpredis was given REDIS_HOST: Laravel keeps connecting to the dead primary, and the 500s go on (REDIS_CLIENT=predis with 'replication' => 'sentinel' follows a failover)`);
  return true;
}

// src/sim/session/databaseStore.ts
var DatabaseDownError = class extends Error {
  constructor() {
    super("SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select * from `sessions` where `id` = ? limit 1)");
    this.name = "QueryException";
  }
};
var SessionTable = class {
  constructor(lifetimeMs, server = null) {
    this.lifetimeMs = lifetimeMs;
    this.server = server;
  }
  lifetimeMs;
  server;
  rows = /* @__PURE__ */ new Map();
  check() {
    if (this.server && !this.server.up) throw new DatabaseDownError();
  }
  /** `DatabaseSessionHandler::read`: an expired row reads as empty (and is left in place). */
  read(id, req) {
    this.check();
    const row = this.rows.get(id);
    if (!row || row.lastActivity < req.now - this.lifetimeMs) return null;
    return row.payload;
  }
  /** `write`: an update if the row exists, else an insert; `last_activity` = now. */
  write(id, data, req) {
    this.check();
    this.rows.set(id, { payload: data, lastActivity: req.now });
  }
  destroy(id) {
    this.check();
    this.rows.delete(id);
  }
  /** `gc($lifetime)`: `delete from sessions where last_activity <= now - lifetime`. Returns the rows deleted. */
  gc(now) {
    if (this.server && !this.server.up) return 0;
    let n = 0;
    for (const [id, row] of this.rows) {
      if (row.lastActivity <= now - this.lifetimeMs) {
        this.rows.delete(id);
        n++;
      }
    }
    return n;
  }
  /** Rows whose session has expired but which are still in the table. */
  expiredRows(now) {
    let n = 0;
    for (const row of this.rows.values()) if (row.lastActivity < now - this.lifetimeMs) n++;
    return n;
  }
};
var SessionDatabase = class {
  constructor(connection, lifetimeMs) {
    this.connection = connection;
    this.lifetimeMs = lifetimeMs;
    this.shared = connection === "mysql" ? new SessionTable(lifetimeMs, this.server) : null;
  }
  connection;
  lifetimeMs;
  server = { up: true };
  /** The `cache_locks` table on the shared server (`->block()` with the database cache store). */
  locks = /* @__PURE__ */ new Map();
  shared;
  /** SQLite: per node, per instance (a replaced node comes with a fresh disk and an empty file). */
  local = /* @__PURE__ */ new Map();
  /** The table a node reads and writes. */
  tableFor(node) {
    if (this.shared) return this.shared;
    const generation = node.actor.getSnapshot().context.generation;
    let entry = this.local.get(node.name);
    if (!entry || entry.generation !== generation) {
      entry = { generation, table: new SessionTable(this.lifetimeMs) };
      this.local.set(node.name, entry);
    }
    return entry.table;
  }
  /** SQLite: rows in the table on `node`'s disk now (0 before its first write); null with MySQL (one shared table). */
  rowsOn(node) {
    return this.shared ? null : this.local.get(node)?.table.rows.size ?? 0;
  }
  /** Every table (one for MySQL, one per node seen so far for SQLite). */
  tables() {
    return this.shared ? [this.shared] : [...this.local.values()].map((e) => e.table);
  }
  /** Rows in every `sessions` table. */
  rowCount() {
    let n = 0;
    for (const t of this.tables()) n += t.rows.size;
    return n;
  }
};

// src/sim/cluster/sessionLock.ts
var LOCK_SECONDS = 10;
var LOCK_WAIT_MS = 1e4;
var LOCK_POLL_MS = 50;
function lockKey(w, sessionId) {
  return `${w.names.redisPrefix}${w.names.cachePrefix}session:${sessionId}`;
}
function lockScope(w) {
  const s = w.settings.session;
  const store = blockStoreOf(s);
  if (store === "redis") return w.redis ? "redis" : "node";
  if (store === "database") return dbConnectionOf(s) === "mysql" && w.db ? "database" : "node";
  return "node";
}
function lockConnection(w, node) {
  return lockScope(w) === "redis" ? w.connections.get(node.name) ?? null : null;
}
function localLocks(w, node) {
  if (lockScope(w) !== "database" || !w.db) return node.locks;
  if (!w.db.server.up) throw new DatabaseDownError();
  return w.db.locks;
}
function tryLock(w, node, key, owner, client) {
  const conn = lockConnection(w, node);
  if (conn !== null) return conn.command("SET", [key, owner, "EX", String(LOCK_SECONDS), "NX"], client).then((r) => r !== null);
  const locks = localLocks(w, node);
  const held = locks.get(key);
  if (held && held.expiresAt > w.now) return false;
  locks.set(key, { owner, expiresAt: w.now + LOCK_SECONDS * 1e3 });
  return true;
}
function releaseLock(w, node, key, owner, client) {
  const conn = lockConnection(w, node);
  if (conn !== null) {
    return conn.command("GET", [key], client).then((held) => held === owner ? conn.command("DEL", [key], client) : null).then(
      () => void 0,
      (err) => {
        if (!isRedisError(err)) throw err;
      }
    );
  }
  let locks;
  try {
    locks = localLocks(w, node);
  } catch (err) {
    if (err instanceof DatabaseDownError) return;
    throw err;
  }
  if (locks.get(key)?.owner === owner) locks.delete(key);
}

// src/sim/laravel/phpUnserialize.ts
var encoder = new TextEncoder();
var decoder = new TextDecoder("utf-8", { fatal: true });
var C = { N: 78, b: 98, i: 105, d: 100, s: 115, a: 97, colon: 58, semi: 59, quote: 34, open: 123, close: 125 };
var AsciiBytes = class {
  constructor(s) {
    this.s = s;
  }
  s;
  get length() {
    return this.s.length;
  }
  at(i) {
    return i < this.s.length ? this.s.charCodeAt(i) : void 0;
  }
  text(from, to) {
    return this.s.slice(from, to);
  }
};
var Utf8Bytes = class {
  b;
  constructor(s) {
    this.b = encoder.encode(s);
  }
  get length() {
    return this.b.length;
  }
  at(i) {
    return this.b[i];
  }
  text(from, to) {
    return decoder.decode(this.b.subarray(from, to));
  }
};
var NON_ASCII = /[\u0080-\uffff]/;
function phpUnserialize(text) {
  const src = NON_ASCII.test(text) ? new Utf8Bytes(text) : new AsciiBytes(text);
  let pos = 0;
  const fail2 = (what) => {
    throw new SyntaxError(`unserialize: ${what} at byte ${pos}`);
  };
  const expect = (ch) => {
    if (src.at(pos) !== ch) fail2(`expected "${String.fromCharCode(ch)}"`);
    pos++;
  };
  const until = (end) => {
    const start = pos;
    while (pos < src.length && src.at(pos) !== end) pos++;
    if (pos >= src.length) fail2(`missing "${String.fromCharCode(end)}"`);
    let out = "";
    for (let i = start; i < pos; i++) out += String.fromCharCode(src.at(i));
    pos++;
    return out;
  };
  const integer = (end) => {
    const digits = until(end);
    if (!/^[+-]?\d+$/.test(digits)) fail2(`bad integer "${digits}"`);
    return Number(digits);
  };
  const value = () => {
    const type = src.at(pos++);
    if (type === C.N) {
      expect(C.semi);
      return null;
    }
    expect(C.colon);
    switch (type) {
      case C.b:
        return integer(C.semi) === 1;
      case C.i:
        return integer(C.semi);
      case C.d: {
        const f = until(C.semi);
        return f === "INF" ? Infinity : f === "-INF" ? -Infinity : f === "NAN" ? NaN : Number(f);
      }
      case C.s: {
        const len = integer(C.colon);
        expect(C.quote);
        if (pos + len > src.length) fail2("string runs past the end");
        const s = src.text(pos, pos + len);
        pos += len;
        expect(C.quote);
        expect(C.semi);
        return s;
      }
      case C.a: {
        const n = integer(C.colon);
        expect(C.open);
        const entries = [];
        for (let i = 0; i < n; i++) {
          const key = value();
          if (typeof key !== "string" && typeof key !== "number") fail2("array key must be int or string");
          entries.push([key, value()]);
        }
        expect(C.close);
        return entries.every(([k], i) => k === i) ? entries.map(([, v2]) => v2) : Object.fromEntries(entries);
      }
      default:
        return fail2(`unknown type "${String.fromCharCode(type ?? 0)}"`);
    }
  };
  const v = value();
  if (pos !== src.length) fail2("trailing data");
  return v;
}

// src/sim/laravel/payload.ts
var NON_ASCII2 = /[\u0080-\uffff]/;
var LOGIN_KEY = "login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d";
var NONE2 = Object.freeze([]);
function emptyPayload(token) {
  return { token, previousUrl: null, intended: null, userId: null, cart: NONE2, status: null, flashNew: NONE2, flashOld: NONE2 };
}
function samePayload(a, b) {
  return a.token === b.token && a.previousUrl === b.previousUrl && a.intended === b.intended && a.userId === b.userId && a.status === b.status && sameList(a.cart, b.cart) && sameList(a.flashNew, b.flashNew) && sameList(a.flashOld, b.flashOld);
}
function sameList(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function clonePayload(p) {
  return {
    token: p.token,
    previousUrl: p.previousUrl,
    intended: p.intended,
    userId: p.userId,
    cart: p.cart,
    status: p.status,
    flashNew: p.flashNew,
    flashOld: p.flashOld
  };
}
var extraBytes = 0;
var PIECES = 256;
var STR_HEAD = Array.from({ length: PIECES }, (_, n) => `s:${n}:"`);
var INDEX = Array.from({ length: PIECES }, (_, i) => `i:${i};`);
var ITEM = Array.from({ length: PIECES }, (_, i) => `i:${i};i:`);
function str(s) {
  const n = utf8Length(s);
  extraBytes += n - s.length;
  return (n < PIECES ? STR_HEAD[n] : `s:${n}:"`) + s + '";';
}
function intList(xs) {
  let out = "a:" + xs.length + ":{";
  for (let i = 0; i < xs.length; i++) out += (i < PIECES ? ITEM[i] : `i:${i};i:`) + xs[i] + ";";
  return out + "}";
}
var lastText = "";
var lastBytes = 0;
function strList(xs) {
  if (xs.length === 0) return "a:0:{}";
  let out = "a:" + xs.length + ":{";
  for (let i = 0; i < xs.length; i++) out += (i < PIECES ? INDEX[i] : `i:${i};`) + str(xs[i]);
  return out + "}";
}
function serializePayload(p) {
  extraBytes = 0;
  let n = 2;
  let body = K.token + str(p.token);
  if (p.intended !== null) {
    n++;
    body += K.url + "a:1:{" + K.intended + str(p.intended) + "}";
  }
  if (p.previousUrl !== null) {
    n++;
    body += K.previous + "a:1:{" + K.url + str(p.previousUrl) + "}";
  }
  body += K.flash + "a:2:{" + K.old + strList(p.flashOld) + K.new + strList(p.flashNew) + "}";
  if (p.userId !== null) {
    n++;
    body += K.login + "i:" + p.userId + ";";
  }
  if (p.cart.length > 0) {
    n++;
    body += K.cart + intList(p.cart);
  }
  if (p.status !== null) {
    n++;
    body += K.status + str(p.status);
  }
  const text = "a:" + n + ":{" + body + "}";
  lastText = text;
  lastBytes = text.length + extraBytes;
  flatten(text);
  return text;
}
var K = {
  token: str("_token"),
  url: str("url"),
  intended: str("intended"),
  previous: str("_previous"),
  flash: str("_flash"),
  old: str("old"),
  new: str("new"),
  login: str(LOGIN_KEY),
  cart: str("cart"),
  status: str("status")
};
function fromPhpArray(a) {
  if (typeof a._token !== "string") return null;
  const obj = (v) => v && typeof v === "object" ? v : {};
  const list = (v) => Array.isArray(v) ? v : Object.values(obj(v));
  const flash = obj(a._flash);
  const url = obj(a.url).intended;
  const prev = obj(a._previous).url;
  const user = a[LOGIN_KEY];
  return {
    token: a._token,
    previousUrl: typeof prev === "string" ? prev : null,
    intended: typeof url === "string" ? url : null,
    userId: typeof user === "number" ? user : null,
    cart: list(a.cart).filter((x) => typeof x === "number"),
    status: typeof a.status === "string" ? a.status : null,
    flashNew: list(flash.new).filter((x) => typeof x === "string"),
    flashOld: list(flash.old).filter((x) => typeof x === "string")
  };
}
var MEMO_LIMIT = 2e4;
var ANY_STORE = Object.freeze({});
var PayloadCodec = class {
  /** Per store, per session id: the latest write there. */
  memo = /* @__PURE__ */ new Map();
  /** A checkpoint's copy shares the writes remembered: the codec never changes one it holds. */
  [CLONE](c) {
    const memo2 = /* @__PURE__ */ new Map();
    let entries = 0;
    for (const [place, written] of this.memo) {
      memo2.set(c.clone(place), new Map(written));
      entries += written.size;
    }
    c.built(1 + memo2.size, 3 * entries);
    return c.copyFields(this, { memo: memo2 });
  }
  /** Serialize a finished request's payload for `store`. The codec keeps `p`: the caller must not change it afterwards. */
  encode(id, p, store = ANY_STORE) {
    let written = this.memo.get(store);
    if (written === void 0) this.memo.set(store, written = /* @__PURE__ */ new Map());
    const last = written.get(id);
    if (last !== void 0 && samePayload(last.payload, p)) return last.text;
    const text = serializePayload(p);
    if (last === void 0 && written.size >= MEMO_LIMIT) written.clear();
    written.set(id, { text, payload: p });
    return text;
  }
  /** Parse a payload read from `store`; null if it is not a session array (a corrupted or foreign value). */
  decode(id, text, store = ANY_STORE) {
    const w = this.memo.get(store)?.get(id);
    if (w !== void 0 && w.text === text) return clonePayload(w.payload);
    try {
      const value = phpUnserialize(text);
      return value && typeof value === "object" ? fromPhpArray(value) : null;
    } catch {
      return null;
    }
  }
  /** The session is gone from every store that could hold it. */
  forget(id) {
    for (const written of this.memo.values()) written.delete(id);
  }
};
function wrapForCache(payload) {
  return `s:${payload === lastText ? lastBytes : utf8Length(payload)}:"${payload}";`;
}
function unwrapFromCache(value) {
  if (!value.startsWith("s:") || !value.endsWith('";')) return null;
  const colon = value.indexOf(":", 2);
  if (colon < 3 || value.charCodeAt(colon + 1) !== 34 || colon + 2 > value.length - 2) return null;
  for (let i = 2; i < colon; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return value.slice(colon + 2, value.length - 2);
}
function utf8Length(s) {
  return NON_ASCII2.test(s) ? utf8LengthSlow(s) : s.length;
}
function utf8LengthSlow(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 128 ? 1 : c < 2048 ? 2 : c >= 55296 && c <= 56319 ? (i++, 4) : 3;
  }
  return n;
}
function flatten(s) {
  FLAT.test(s);
}
var FLAT = /^$/;

// src/sim/laravel/routes.ts
var LOGIN = "/login";
var LOGOUT = "/logout";
var CART = "/cart";
var CHECKOUT = "/checkout";
var HOME = "/dashboard";
var AUTH_PAGES = ["/dashboard", "/orders", "/profile"];
var ID_CHAR = new Uint8Array(65536);
for (const range of ["09", "AZ", "az"]) ID_CHAR.fill(1, range.charCodeAt(0), range.charCodeAt(1) + 1);
function isValidSessionId(id) {
  if (id === void 0 || id.length !== 40) return false;
  let bad = 0;
  for (let i = 0; i < 40; i++) bad |= ID_CHAR[id.charCodeAt(i)] ^ 1;
  return bad === 0;
}

// src/sim/session/arrayStore.ts
var arrayStore = Object.freeze({
  read: () => null,
  write: () => void 0,
  destroy: () => void 0
});

// src/sim/session/cookieStore.ts
function encryptedCookieBytes(n) {
  const cipher = Math.ceil((Math.floor(n / 16) + 1) * 16 / 3) * 4;
  return Math.ceil((cipher + 130) / 3) * 4;
}
var CookieSessionStore = class {
  constructor(lifetimeSec, expireOnClose) {
    this.lifetimeSec = lifetimeSec;
    this.expireOnClose = expireOnClose;
  }
  lifetimeSec;
  expireOnClose;
  read(id, req) {
    const raw = req.cookie(id);
    if (raw === void 0) return null;
    try {
      const parsed = JSON.parse(raw);
      if (typeof parsed.data !== "string" || typeof parsed.expires !== "number") return null;
      return parsed.expires * 1e3 >= req.now ? parsed.data : null;
    } catch {
      return null;
    }
  }
  write(id, data, req) {
    const plain = JSON.stringify({ data, expires: Math.floor(req.now / 1e3) + this.lifetimeSec });
    const size = encryptedCookieBytes(plain.length);
    req.queueCookie({
      name: id,
      value: "eyJpdiI6" + "A".repeat(Math.max(0, size - 8)),
      plain,
      maxAgeSec: this.expireOnClose ? null : this.lifetimeSec
    });
  }
  destroy(id, req) {
    req.queueCookie({ name: id, value: "", maxAgeSec: 0 });
  }
};

// src/sim/maybe.ts
function andThen(v, f) {
  return v instanceof Promise ? v.then(f) : f(v);
}
function rescue(f, expected, recover) {
  const onError = (err) => {
    if (expected(err)) return recover(err);
    throw err;
  };
  let v;
  try {
    v = f();
  } catch (err) {
    return onError(err);
  }
  return v instanceof Promise ? v.catch(onError) : v;
}

// src/sim/session/store.ts
function placeOf(store) {
  return store.place ?? store;
}

// src/sim/session/fallbackStore.ts
var refused = (err) => err instanceof RedisConnectionError;
var FallbackStore = class {
  constructor(primary, local) {
    this.primary = primary;
    this.local = local;
  }
  primary;
  local;
  /** Mostly Redis: a read from the node's own disk is parsed (the codec checks the text). */
  get place() {
    return placeOf(this.primary);
  }
  read(id, req) {
    return rescue(() => this.primary.read(id, req), refused, () => this.local.read(id, req));
  }
  write(id, data, req) {
    return rescue(() => this.primary.write(id, data, req), refused, () => this.local.write(id, data, req));
  }
  destroy(id, req) {
    return rescue(() => this.primary.destroy(id, req), refused, () => this.local.destroy(id, req));
  }
};

// src/sim/session/localCacheStore.ts
var LOCAL_CACHE_TTL_MS = 6e4;
var LocalCacheStore = class {
  constructor(shared) {
    this.shared = shared;
  }
  shared;
  copies = /* @__PURE__ */ new Map();
  get place() {
    return placeOf(this.shared);
  }
  read(id, req) {
    const c = this.copies.get(id);
    if (c && req.now - c.at < LOCAL_CACHE_TTL_MS) return c.text;
    const at = req.now;
    return andThen(this.shared.read(id, req), (text) => {
      if (text === null) this.copies.delete(id);
      else this.copies.set(id, { text, at });
      return text;
    });
  }
  write(id, data, req) {
    const at = req.now;
    return andThen(this.shared.write(id, data, req), () => void this.copies.set(id, { text: data, at }));
  }
  destroy(id, req) {
    this.copies.delete(id);
    return this.shared.destroy(id, req);
  }
};

// src/sim/session/redisStore.ts
var KEYS_LIMIT = 2e4;
var SessionEntry = class {
  constructor(key) {
    this.key = key;
  }
  key;
  /** The last value this handler wrote, and the payload inside it. */
  wrapped = null;
  plain = null;
  /** The payload inside a value read back: known at once when it is the very string last written. */
  unwrap(value) {
    if (value === null) return null;
    return value === this.wrapped ? this.plain : unwrapFromCache(value);
  }
};
var SessionKeys = class _SessionKeys {
  constructor(prefix) {
    this.prefix = prefix;
  }
  prefix;
  entries = /* @__PURE__ */ new Map();
  /** A checkpoint's copy: every entry copied (a thousand a checkpoint: directly). */
  [CLONE](c) {
    const keys2 = new _SessionKeys(this.prefix);
    for (const [id, e] of this.entries) {
      const copy = new SessionEntry(e.key);
      copy.wrapped = e.wrapped;
      copy.plain = e.plain;
      keys2.entries.set(id, copy);
    }
    c.built(2 + keys2.entries.size, 6 * keys2.entries.size);
    return keys2;
  }
  entry(id) {
    let e = this.entries.get(id);
    if (e === void 0) {
      if (this.entries.size >= KEYS_LIMIT) this.entries.clear();
      e = new SessionEntry(this.prefix + id);
      this.entries.set(id, e);
    }
    return e;
  }
  /** The key of a session being destroyed; forgets the id. */
  take(id) {
    const e = this.entries.get(id);
    if (e === void 0) return this.prefix + id;
    this.entries.delete(id);
    return e.key;
  }
};
var RedisSessionStore = class {
  /**
   * @param redis the node's connection
   * @param keys ids → keys with the redis prefix + cache prefix, e.g. `laravel_database_laravel_cache_<id>`
   * @param lifetimeMin `SESSION_LIFETIME`
   */
  constructor(redis, keys2, lifetimeMin) {
    this.redis = redis;
    this.keys = keys2;
    this.lifetimeMin = lifetimeMin;
  }
  redis;
  keys;
  lifetimeMin;
  /** Every node's store reads the same keys. */
  get place() {
    return this.keys;
  }
  read(id, req) {
    const e = this.keys.entry(id);
    const value = this.redis.get(e.key, req.client);
    return value instanceof Promise ? value.then((v) => e.unwrap(v)) : e.unwrap(value);
  }
  write(id, data, req) {
    const e = this.keys.entry(id);
    if (data !== e.plain || e.wrapped === null) {
      e.wrapped = wrapForCache(data);
      e.plain = data;
    }
    return andThen(this.redis.setex(e.key, this.lifetimeMin * 60, e.wrapped, req.client), nothing);
  }
  destroy(id, req) {
    return andThen(this.redis.del(this.keys.take(id), req.client), nothing);
  }
};
var nothing = () => void 0;

// src/sim/session/stores.ts
function newStoreState() {
  return { perNode: /* @__PURE__ */ new Map(), keys: null, cookie: null };
}
function makeStores(w, state) {
  const s = w.settings.session;
  switch (s.driver) {
    case "file":
      return (node) => node.disk;
    case "array":
      return () => arrayStore;
    case "database": {
      const db = w.db;
      if (!db) throw new Error("the database driver needs a database");
      return (node) => db.tableFor(node);
    }
    case "cookie": {
      const store = state.cookie ??= new CookieSessionStore(s.lifetimeMin * 60, s.expireOnClose);
      return () => store;
    }
    case "redis": {
      if (!w.redis) throw new Error("the redis driver needs a Redis");
      const perNode = state.perNode;
      const keys2 = state.keys ??= new SessionKeys(w.names.keyPrefix);
      return (node) => {
        let entry = perNode.get(node);
        if (!entry || entry.epoch !== node.epoch) {
          const conn = w.connections.get(node.name);
          if (!conn) throw new Error(`${node.name} has no Redis connection`);
          let store = new RedisSessionStore(conn, keys2, s.lifetimeMin);
          if (s.onRedisFailure === "fallback-file") store = new FallbackStore(store, node.disk);
          if (s.localCache) store = new LocalCacheStore(store);
          perNode.set(node, entry = { epoch: node.epoch, store });
        }
        return entry.store;
      };
    }
  }
}
function sessionsPerNode(s) {
  return s.driver === "file" || s.driver === "database" && (s.dbConnection ?? "sqlite") === "sqlite";
}
function hasLottery(driver) {
  return driver === "file" || driver === "database";
}
function collectGarbage(w, node) {
  if (w.settings.session.driver === "file") node.disk.gc(w.now);
  else if (w.settings.session.driver === "database") w.db?.tableFor(node).gc(w.now);
}

// src/sim/outcomes.ts
var OUTCOMES = ["ok", "logged_out", "csrf_mismatch", "server_error", "bad_gateway", "gateway_timeout", "lost_update"];
function classify(f) {
  const s = f.status;
  if (s === 502 || s === 503) return "bad_gateway";
  if (s === 504) return "gateway_timeout";
  if (s >= 500) return "server_error";
  if (f.authBefore && !f.authAfter && !f.voluntary) return "logged_out";
  if (s === 419) return "csrf_mismatch";
  if (f.lostUpdate) return "lost_update";
  return "ok";
}
function isLogout(r) {
  return r.outcome === "logged_out";
}

// src/sim/users/behaviour.ts
var BEHAVIOUR = {
  /** A redirect is followed at once. */
  followRedirectMs: 5,
  /** Typing credentials into the login form. */
  typeCredentialsMs: [2e3, 6e3],
  /** Mean think time between pages. */
  thinkMeanMs: 6e3,
  /** Chance that the next pause is a long break, its mean, and the chance of closing the browser in it. */
  breakChance: 0.03,
  breakMeanMs: 24e4,
  closeBrowserChance: 0.5,
  /** After "Page Expired" or a server error, the user reloads after a moment. */
  reloadMs: [1500, 4e3],
  /** After logging out, the user comes back later. */
  awayMeanMs: 6e4,
  /** Action mix of a logged-in user. */
  cartChance: 0.22,
  checkoutChance: 0.04,
  logoutChance: 0.02
};
var GETS = /* @__PURE__ */ new Map();
var MAX_GETS = 256;
var get = (path) => {
  let intent = GETS.get(path);
  if (intent === void 0) {
    intent = Object.freeze({ method: "GET", path, voluntary: false });
    if (GETS.size < MAX_GETS) GETS.set(path, intent);
  }
  return intent;
};
var post = (path, voluntary = false, ajax) => Object.freeze({ method: "POST", path, voluntary, ...ajax !== void 0 && { ajax } });
var LOGOUT_POST = post(LOGOUT, true);
var CHECKOUT_POST = post(CHECKOUT);
var LOGIN_POST = post(LOGIN);
var CART_POST = { form: post(CART, false, false), xhr: post(CART, false, true) };
function browse(user, rng, concurrency) {
  let delayMs = rng.exp(BEHAVIOUR.thinkMeanMs);
  let closeBrowser = false;
  let intent;
  if (rng.chance(BEHAVIOUR.breakChance)) {
    delayMs = rng.exp(BEHAVIOUR.breakMeanMs);
    closeBrowser = rng.chance(BEHAVIOUR.closeBrowserChance);
    intent = get(HOME);
  } else {
    const x = rng.float();
    if (x < BEHAVIOUR.logoutChance) intent = LOGOUT_POST;
    else if (x < BEHAVIOUR.logoutChance + BEHAVIOUR.cartChance) {
      return { intent: concurrency > 1 ? CART_POST.xhr : CART_POST.form, copies: concurrency, delayMs, closeBrowser };
    } else if (x < BEHAVIOUR.logoutChance + BEHAVIOUR.cartChance + BEHAVIOUR.checkoutChance) intent = CHECKOUT_POST;
    else intent = get(rng.pick(AUTH_PAGES));
  }
  return { intent, copies: 1, delayMs, closeBrowser };
}
function nextAfter(user, seen, rng, concurrency = 1) {
  const { status: status2 } = seen;
  if ((status2 === 301 || status2 === 302) && seen.location) {
    return { intent: get(pathOf(seen.location)), delayMs: BEHAVIOUR.followRedirectMs, copies: 1, closeBrowser: false };
  }
  if (status2 === 419 || status2 >= 500) {
    return { intent: get(user.page), delayMs: rng.between(...BEHAVIOUR.reloadMs), copies: 1, closeBrowser: false };
  }
  if (seen.path === LOGIN) {
    if (user.leaving) {
      user.leaving = false;
      return { intent: get(LOGIN), delayMs: rng.exp(BEHAVIOUR.awayMeanMs), copies: 1, closeBrowser: false };
    }
    return { intent: LOGIN_POST, delayMs: rng.between(...BEHAVIOUR.typeCredentialsMs), copies: 1, closeBrowser: false };
  }
  return browse(user, rng, concurrency);
}
function pathOf(location) {
  return location.replace(/^[a-z]+:\/\/[^/]*/i, "") || "/";
}
function firstVisit() {
  return get(LOGIN);
}

// src/sim/users/population.ts
var OFFICE_IP = "203.0.113.10";
var MOBILE_IP_CHANGE_MEAN_MS = 18e4;
function clientKind(population, rng) {
  switch (population) {
    case "unique":
      return "unique";
    case "office-nat":
      return "office";
    case "mobile":
      return "mobile";
    case "mixed": {
      const x = rng.float();
      return x < 0.6 ? "unique" : x < 0.85 ? "office" : "mobile";
    }
  }
}
function uniqueIp(rng) {
  let a = 11 + rng.int(212);
  if (a === 100 || a === 127 || a === 169 || a === 172 || a === 192 || a === 203) a += 1;
  return `${a}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}
function mobileIp(rng) {
  return `100.${64 + rng.int(64)}.${rng.int(256)}.${1 + rng.int(254)}`;
}
function initialIp(kind, rng) {
  return kind === "unique" ? uniqueIp(rng) : kind === "office" ? OFFICE_IP : mobileIp(rng);
}

// src/sim/flow.ts
var CLIENT_LATENCY_MS = 15;
var SERVICE_MS = [20, 60];
function scheduleSend(w, user, intent, delayMs) {
  w.queue.push({ kind: "send", t: w.now + delayMs, seq: 0, user, intent, activation: user.activation });
}
function startUser(w, user, delayMs) {
  scheduleSend(w, user, firstVisit(), delayMs);
}
function send(w, user, intent, activation) {
  if (!user.active || activation !== user.activation) return;
  if (user.kind === "mobile" && w.now >= user.nextIpChangeAt) {
    user.ip = mobileIp(w.rng.users);
    user.nextIpChangeAt = w.now + w.rng.users.exp(MOBILE_IP_CHANGE_MEAN_MS);
  }
  user.inFlight++;
  const req = {
    kind: "arrive",
    t: w.now + CLIENT_LATENCY_MS,
    seq: 0,
    id: w.nextReqId++,
    user,
    activation,
    intent,
    sentAt: w.now,
    ip: user.ip,
    sessionId: user.jar.plain(w.names.cookie, w.now) ?? null,
    authBefore: user.loggedIn,
    csrfToken: intent.method === "POST" ? user.pageToken : null,
    route: null,
    node: null,
    epoch: 0,
    store: null,
    ctx: null,
    handled: null,
    failed: false,
    conn: null,
    redisOpen: false,
    startedAt: 0,
    timedOut: false,
    lock: null,
    lockSince: 0,
    lostUpdate: false,
    status: 0,
    location: null,
    authAfter: user.loggedIn,
    pageToken: null,
    cookies: [],
    answeredBy: null
  };
  w.queue.push(req);
}
function arrive(w, req) {
  req.route = w.upstream.route(new LbRequest(req.ip, req.intent.method, req.user.jar, w.now), w.now);
  return tryNextPeer(w, req);
}
function tryNextPeer(w, req) {
  const route = req.route;
  for (; ; ) {
    const peer = route.next(w.now);
    if (!peer) return respond(w, req, w.upstream.noPeerStatus, null);
    const node = w.nodes.get(peer.name);
    if (node && node.accepting) return begin(w, req, node);
    route.done(w.now, false);
  }
}
var StoreContext = class {
  constructor(now, client, req) {
    this.now = now;
    this.client = client;
    this.req = req;
  }
  now;
  client;
  req;
  cookie(name) {
    return this.req.user.jar.plain(name, this.now);
  }
  queueCookie(c) {
    this.req.cookies.push(c);
  }
};
var LbRequest = class {
  constructor(ip, method, jar, now) {
    this.ip = ip;
    this.method = method;
    this.jar = jar;
    this.now = now;
  }
  ip;
  method;
  jar;
  now;
  cookie(name) {
    return this.jar.get(name, this.now);
  }
};
var PROXY_TIMEOUT_MS = 6e4;
function begin(w, req, node) {
  node.inFlight++;
  req.node = node;
  req.epoch = node.epoch;
  req.store = w.storeFor(node);
  req.cookies.length = 0;
  req.failed = false;
  req.timedOut = false;
  req.lostUpdate = false;
  req.lock = null;
  req.startedAt = w.now;
  req.lockSince = w.now;
  req.conn = w.settings.session.driver === "redis" ? w.connections.get(node.name) ?? null : null;
  if (req.conn !== null) req.conn.open(req);
  req.ctx = new StoreContext(w.now, req.conn !== null ? req : node.privateIp, req);
  if (needsLock(w, req)) return acquireLock(w, req);
  return run(w, req);
}
function needsLock(w, req) {
  return !!w.settings.session.block && req.intent.method === "POST" && (req.intent.path === CART || req.intent.path === CHECKOUT) && isValidSessionId(req.sessionId ?? void 0);
}
function acquireLock(w, req) {
  const node = req.node;
  if (node.epoch !== req.epoch) return scheduleFinish(w, req, 0);
  const key = lockKey(w, req.sessionId);
  let taken;
  try {
    taken = tryLock(w, node, key, `req${req.id}`, node.privateIp);
  } catch (err) {
    return redisFailedEarly(w, req, err, 0);
  }
  if (taken instanceof Promise) return taken.then((t) => lockAnswered(w, req, key, t), (err) => redisFailedEarly(w, req, err, 0));
  return lockAnswered(w, req, key, taken);
}
function lockAnswered(w, req, key, taken) {
  if (taken) {
    req.lock = key;
    return run(w, req);
  }
  if (w.now - req.lockSince >= LOCK_WAIT_MS) {
    req.failed = true;
    return scheduleFinish(w, req, 0);
  }
  req.kind = "lock";
  req.t = w.now + LOCK_POLL_MS;
  w.queue.push(req);
}
function serviceMs(w) {
  return w.rng.network.between(SERVICE_MS[0], SERVICE_MS[1]);
}
function run(w, req) {
  const i = req.intent;
  let handled;
  try {
    handled = w.app.begin(
      { method: i.method, path: i.path, sessionId: req.sessionId ?? void 0, csrfToken: req.csrfToken, userId: req.user.id, ajax: i.ajax ?? false },
      req.store,
      req.ctx
    );
  } catch (err) {
    return redisFailedEarly(w, req, err, -1);
  }
  if (handled instanceof Promise) return handled.then((h) => ran(w, req, h), (err) => redisFailedEarly(w, req, err, -1));
  ran(w, req, handled);
}
function ran(w, req, h) {
  req.handled = h;
  let service = serviceMs(w);
  if (req.conn !== null) service += 2 * req.conn.roundTripMs;
  scheduleFinish(w, req, service);
}
function redisFailedEarly(w, req, err, afterMs) {
  if (err instanceof RedisTimeoutError) return silent(w, req, err.afterMs);
  if (!isRefusal(err)) throw err;
  req.failed = true;
  scheduleFinish(w, req, afterMs < 0 ? serviceMs(w) : afterMs);
}
function isRefusal(err) {
  return err instanceof RedisConnectionError || err instanceof RedisReplyError || err instanceof DatabaseDownError;
}
function silent(w, req, clientTimeoutMs) {
  if (w.now + clientTimeoutMs >= req.startedAt + PROXY_TIMEOUT_MS) return hang(w, req);
  req.failed = true;
  scheduleFinish(w, req, clientTimeoutMs);
}
function scheduleFinish(w, req, afterMs) {
  req.kind = "finish";
  req.t = w.now + afterMs;
  w.queue.push(req);
}
function hang(w, req) {
  req.timedOut = true;
  req.kind = "finish";
  req.t = Math.max(w.now, req.startedAt + PROXY_TIMEOUT_MS);
  w.queue.push(req);
}
function finish(w, req) {
  const node = req.node;
  const route = req.route;
  if (node.epoch !== req.epoch) {
    leave(w, req, node);
    route.done(w.now, false);
    if (w.upstream.retriesAfterSent(req.intent.method)) return tryNextPeer(w, req);
    return respond(w, req, 502, null);
  }
  if (req.timedOut) {
    leave(w, req, node);
    route.done(w.now, false);
    if (w.upstream.retriesAfterSent(req.intent.method)) return tryNextPeer(w, req);
    return respond(w, req, 504, null);
  }
  if (req.failed) return answerError(w, req, node);
  const h = req.handled;
  const ctx = req.ctx;
  ctx.now = w.now;
  let saved;
  try {
    saved = w.app.finish(h, req.store, ctx);
  } catch (err) {
    return saveFailed(w, req, node, err);
  }
  if (saved instanceof Promise) return saved.then(() => afterSave(w, req, node, h), (err) => saveFailed(w, req, node, err));
  return afterSave(w, req, node, h);
}
function saveFailed(w, req, node, err) {
  if (err instanceof RedisTimeoutError) return silent(w, req, err.afterMs);
  if (!isRefusal(err)) throw err;
  return answerError(w, req, node);
}
function answerError(w, req, node) {
  const released = release(w, req, node);
  if (released instanceof Promise) return released.then(() => answer500(w, req, node));
  answer500(w, req, node);
}
function answer500(w, req, node) {
  leave(w, req, node);
  req.route.done(w.now, true);
  respond(w, req, 500, node.name);
}
function afterSave(w, req, node, h) {
  noteSave(w, req, node, h);
  const released = release(w, req, node);
  if (released instanceof Promise) return released.then(() => answer(w, req, node, h));
  answer(w, req, node, h);
}
function answer(w, req, node, h) {
  const route = req.route;
  leave(w, req, node);
  route.done(w.now, true);
  if (hasLottery(w.settings.session.driver) && w.rng.gc.chance(lotteryOf(w.settings.session) / 100)) collectGarbage(w, node);
  addSessionCookies(w, req, h.id, h.payload.token);
  for (const c of route.responseCookies()) req.cookies.push({ name: c.name, value: c.value, maxAgeSec: c.maxAgeSec });
  const r = h.response;
  req.location = r.location;
  req.pageToken = r.pageToken;
  req.authAfter = r.authenticated;
  respond(w, req, r.status, node.name);
}
function leave(w, req, node) {
  node.inFlight--;
  req.conn?.close(req);
  if (node.state === "draining" && node.inFlight === 0) nodeDrained(w, node);
}
function release(w, req, node) {
  const key = req.lock;
  if (key === null) return;
  req.lock = null;
  return releaseLock(w, node, key, `req${req.id}`, node.privateIp);
}
function noteSave(w, req, node, h) {
  const driver = w.settings.session.driver;
  if (driver === "array") return;
  const store = sessionsPerNode(w.settings.session) ? node.name : driver;
  const carts = w.lastSaved.get(store) ?? newStoreCarts(w, store);
  const last = carts.get(h.id);
  if (h.found && last && !sameList(last, h.readCart) && someMissing(last, h.payload.cart)) req.lostUpdate = true;
  if (w.lastSavedCount > 5e4) {
    for (const c of w.lastSaved.values()) c.clear();
    w.lastSavedCount = 0;
  }
  const had = carts.size;
  carts.set(h.id, h.payload.cart);
  if (carts.size > had) w.lastSavedCount++;
}
function newStoreCarts(w, store) {
  const carts = /* @__PURE__ */ new Map();
  w.lastSaved.set(store, carts);
  return carts;
}
function someMissing(last, cart) {
  for (const item of last) if (!cart.includes(item)) return true;
  return false;
}
function addSessionCookies(w, req, id, token) {
  const s = w.settings.session;
  const maxAgeSec = s.expireOnClose ? null : s.lifetimeMin * 60;
  const rng = w.rng.cookies;
  req.cookies.push({ name: w.names.cookie, value: rng.u32(), plain: id, maxAgeSec });
  req.cookies.push({ name: "XSRF-TOKEN", value: rng.u32(), plain: token, maxAgeSec });
}
function respond(w, req, status2, node) {
  req.status = status2;
  req.answeredBy = node;
  req.kind = "receive";
  req.t = w.now + CLIENT_LATENCY_MS;
  w.queue.push(req);
}
function receive(w, req) {
  const user = req.user;
  user.inFlight--;
  for (const c of req.cookies) user.jar.set(c, w.now);
  if (req.status >= 500) req.authAfter = req.authBefore;
  const record = {
    t: req.sentAt,
    user: user.id,
    ip: req.ip,
    method: req.intent.method,
    path: req.intent.path,
    node: req.answeredBy,
    status: req.status,
    session: req.sessionId,
    authBefore: req.authBefore,
    authAfter: req.authAfter,
    outcome: classify({ status: req.status, authBefore: req.authBefore, authAfter: req.authAfter, voluntary: req.intent.voluntary, lostUpdate: req.lostUpdate })
  };
  w.metrics.record(record, w.now - req.sentAt);
  w.trace.push(record);
  w.listeners.onRecord?.(record);
  noteReroute(w, user, req.answeredBy);
  user.loggedIn = req.authAfter;
  if (req.answeredBy) user.lastNode = req.answeredBy;
  if (req.status === 200 && !req.intent.ajax) {
    user.page = req.intent.path;
    user.pageToken = req.pageToken;
  } else if (req.status === 419) {
    user.pageToken = null;
  }
  if (req.intent.voluntary && req.status === 302) user.leaving = true;
  if (!user.active || req.activation !== user.activation) return;
  if (user.inFlight > 0) return;
  const next = nextAfter(user, { status: req.status, location: req.location, path: req.intent.path }, w.rng.behaviour, w.settings.concurrency ?? 1);
  if (next.closeBrowser) user.jar.closeBrowser();
  for (let i = 0; i < next.copies; i++) scheduleSend(w, user, next.intent, next.delayMs);
}
function noteReroute(w, user, node) {
  if (w.watches.size === 0 || node === null) return;
  for (const [failed, watch] of w.watches) {
    if (failed !== node && watch.users.delete(user.id)) watch.rerouted++;
  }
}

// src/sim/faults.ts
var REROUTE_REPORT_MS = 15e3;
function watchReroutes(w, node) {
  const users = /* @__PURE__ */ new Set();
  for (const u of w.users) if (u.active && u.lastNode === node) users.add(u.id);
  const watch = { users, rerouted: 0 };
  w.watches.set(node, watch);
  w.queue.push({ kind: "reroute-report", t: w.now + REROUTE_REPORT_MS, seq: 0, node, watch });
}
function reportReroutes(w, node, watch) {
  if (w.watches.get(node) === watch) w.watches.delete(node);
  const n = watch.rerouted;
  if (w.nodes.size === 1) feed(w, "info", `${node} is the only node: its users had nowhere else to go`);
  else feed(w, "info", `${n} user${n === 1 ? "" : "s"} re-routed from ${node} to other nodes`);
}
function applyFault(w, action, by = "you") {
  const cause = { at: w.now, by };
  switch (action.kind) {
    case "redis-down":
    case "redis-up":
      return redisUpDown(w, action.kind === "redis-down", cause);
    case "redis-failover":
      return redisFailover(w, cause);
    case "redis-latency": {
      if (!w.redis) return NO_REDIS;
      w.redisActor.send({ type: "LATENCY", ms: action.ms, ...cause });
      feed(w, action.ms > 0 ? "fault" : "recovery", action.ms > 0 ? `Redis is slow: every command takes ${action.ms} ms longer` : "Redis latency back to normal");
      return null;
    }
    case "redis-blackhole": {
      const refused2 = sendRedis(w, { type: "BLACKHOLE", ...cause });
      if (refused2) return refused2;
      feed(w, "fault", `Redis is black-holed: packets are dropped, calls hang \u2014 ${blackholeWords(w.settings.redis, PROXY_TIMEOUT_MS)}`);
      return null;
    }
    case "deploy":
      return startDeploy(w);
    case "cache-clear": {
      const problem = cacheClearProblem(w);
      if (!problem) w.queue.push({ kind: "cache-clear", t: w.now, seq: 0 });
      return problem;
    }
    case "db-down":
    case "db-up":
      return databaseFault(w, action.kind === "db-down");
    default:
      return nodeFault(w, action, cause);
  }
}
var NO_REDIS = "Redis is not part of this cluster (the session driver is not redis)";
function sendRedis(w, event) {
  if (!w.redis) return NO_REDIS;
  const refused2 = redisRefusal(w.redisActor.getSnapshot(), event);
  if (refused2) return refused2;
  w.redisActor.send(event);
  return null;
}
function redisUpDown(w, down, cause) {
  const refused2 = sendRedis(w, { type: down ? "DOWN" : "UP", ...cause });
  if (refused2) return refused2;
  feed(w, down ? "fault" : "recovery", down ? "Redis went down: connection refused" : "Redis is back up");
  return null;
}
function redisFailover(w, cause) {
  if (!w.redis) return NO_REDIS;
  if (!w.replica) return "no replica: run with Sentinel (--sentinel) to fail over";
  const refused2 = sendRedis(w, { type: "FAILOVER", ...cause });
  if (refused2) return refused2;
  const lost = w.pendingReplication;
  w.replicationStream++;
  w.pendingReplication = 0;
  w.queue.push({ kind: "promote", t: w.now + SENTINEL_DOWN_AFTER_MS + SENTINEL_FAILOVER_MS, seq: 0, lost });
  feed(w, "fault", `Redis primary died; Sentinel will promote the replica after down-after-milliseconds (${SENTINEL_DOWN_AFTER_MS / 1e3} s)`);
  return null;
}
function promoteReplica(w, lost) {
  const replica = w.replica;
  if (!replica) return;
  if (staysOnDeadPrimary(w, lost)) return;
  const wasShared = w.cacheRedis === w.redis;
  w.redis = replica;
  if (wasShared) w.cacheRedis = replica;
  w.replica = null;
  w.redisActor.send({ type: "PROMOTED", at: w.now, by: "engine" });
  feed(w, "recovery", `Sentinel promoted the replica to primary; ${lost} write${lost === 1 ? "" : "s"} not yet replicated were lost`);
}
var NODE_EVENT = { crash: "CRASH", drain: "DRAIN", partition: "PARTITION", heal: "HEAL", restart: "RESTART", replace: "REPLACE" };
var NODE_FAULTS = [...Object.keys(NODE_EVENT), "nginx-drain"];
function nginxDrainRefusal(node) {
  return node.state === "up" ? null : `${node.name} is ${node.state}: only a node that is up can be drained`;
}
function nodeFault(w, action, cause) {
  const node = w.nodes.get(action.node);
  if (!node) return `no node named ${action.node}`;
  if (action.kind === "nginx-drain") {
    const refusedDrain = nginxDrainRefusal(node);
    if (refusedDrain) return refusedDrain;
    if (w.settings.balancer.flavor !== "nginx") return "drain is an nginx server parameter (HAProxy: set the server to DRAIN on the admin socket)";
    w.upstream.setDrain(node.name, true);
    feed(w, "info", `${node.name} set to drain in the nginx upstream: users bound to it by the sticky cookie stay, new users go to the other servers`);
    return null;
  }
  const was = node.state;
  const refused2 = node.send({ type: NODE_EVENT[action.kind], ...cause });
  if (refused2) return refused2;
  switch (action.kind) {
    case "crash":
      feed(w, "fault", `${node.name} crashed`);
      watchReroutes(w, node.name);
      return null;
    case "drain":
      w.upstream.setDown(node.name, true);
      feed(w, "info", `${node.name} draining: marked down in the upstream, finishing ${node.inFlight} request(s)`);
      watchReroutes(w, node.name);
      if (node.inFlight === 0) nodeDrained(w, node);
      return null;
    case "partition":
    case "heal": {
      const cut = action.kind === "partition";
      feed(w, cut ? "fault" : "recovery", cut ? `${node.name} is cut off from Redis: its Redis calls hang` : `${node.name} can reach Redis again`);
      return null;
    }
    case "restart":
    case "replace": {
      const replace = action.kind === "replace";
      w.queue.push({ kind: "booted", t: w.now + (replace ? REPLACE_BOOT_MS : RESTART_BOOT_MS), seq: 0, node: node.name, epoch: node.epoch });
      feed(w, replace ? "fault" : "info", replace ? `${node.name} replaced by a new instance: its disk (and any session files) is gone; booting` : `${node.name} restarting (its disk is kept)`);
      if (was === "up" || was === "draining") watchReroutes(w, node.name);
      return null;
    }
  }
}
function booted(w, name, epoch) {
  const node = w.nodes.get(name);
  if (!node || node.send({ type: "BOOTED", epoch, at: w.now, by: "engine" })) return;
  w.upstream.setDown(name, node.spec.down);
  w.upstream.setDrain(name, node.spec.drain ?? false);
  feed(w, "recovery", `${name} is up`);
  deployNodeUp(w, name);
}

// src/sim/laravel/app.ts
var AUTH = new Set(AUTH_PAGES);
var PAGE_URLS = /* @__PURE__ */ new Map();
function pageUrl(path) {
  let url = PAGE_URLS.get(path);
  if (url === void 0) PAGE_URLS.set(path, url = `http://localhost${path}`);
  return url;
}
var LaravelApp = class {
  constructor(rng, codec) {
    this.rng = rng;
    this.codec = codec;
  }
  rng;
  codec;
  /** `Str::random(40)`. */
  newId() {
    return this.rng.alnum(40);
  }
  /**
   * StartSession (read), then the route. Throws (or rejects with) what the store throws. Answers
   * synchronously when the store does (file, cookie, array, the simulated Redis).
   */
  begin(req, store, ctx) {
    const id = isValidSessionId(req.sessionId) ? req.sessionId : this.newId();
    const raw = store.read(id, ctx);
    return raw instanceof Promise ? raw.then((r) => this.route(req, store, ctx, id, r)) : this.route(req, store, ctx, id, raw);
  }
  /** The request after StartSession read `raw` for `id`: CSRF, auth and the controller. */
  route(req, store, ctx, id, raw) {
    const stored = raw === null ? null : this.codec.decode(id, raw, placeOf(store));
    const payload = stored ?? emptyPayload(this.rng.alnum(40));
    const h = { id, payload, found: stored !== null, readCart: payload.cart, response: { status: 200, location: null, authenticated: false, pageToken: null } };
    const isPost = req.method === "POST";
    if (isPost && req.csrfToken !== payload.token) {
      h.response = this.page(419, payload);
      return h;
    }
    const authed = payload.userId !== null;
    if (req.path === LOGIN) {
      if (authed) return this.redirect(h, HOME);
      if (!isPost) return this.render(h, req.path);
      return andThen(this.destroy(id, store, ctx), () => andThen(this.destroy(this.newId(), store, ctx), () => {
        h.id = this.newId();
        payload.userId = req.userId;
        payload.token = this.rng.alnum(40);
        const target = payload.intended ?? HOME;
        payload.intended = null;
        return this.redirect(h, target);
      }));
    }
    if (req.path === LOGOUT && isPost) {
      return andThen(this.destroy(id, store, ctx), () => {
        h.id = this.newId();
        h.payload = emptyPayload(this.rng.alnum(40));
        return this.redirect(h, LOGIN);
      });
    }
    if (AUTH.has(req.path) || req.path === CART || req.path === CHECKOUT) {
      if (!authed) {
        if (!isPost) payload.intended = req.path;
        return this.redirect(h, LOGIN);
      }
      if (req.path === CHECKOUT && isPost) {
        payload.cart = [];
        payload.status = "Order placed";
        payload.flashNew = [...payload.flashNew, "status"];
        return this.redirect(h, "/orders");
      }
      if (req.path === CART) {
        payload.cart = [...payload.cart, this.rng.int(1e6)];
        if (req.ajax) {
          h.response = { status: 200, location: null, authenticated: true, pageToken: null };
          return h;
        }
        payload.status = "Added to cart";
        payload.flashNew = [...payload.flashNew, "status"];
        return this.redirect(h, payload.previousUrl ?? HOME);
      }
      return this.render(h, req.path);
    }
    h.response = this.page(404, payload);
    return h;
  }
  /** StartSession's `save()`: age flash data and write the whole payload. */
  finish(h, store, ctx) {
    const p = h.payload;
    for (const key of p.flashOld) if (key === "status") p.status = null;
    p.flashOld = p.flashNew;
    p.flashNew = NONE2;
    return store.write(h.id, this.codec.encode(h.id, p, placeOf(store)), ctx);
  }
  destroy(id, store, ctx) {
    this.codec.forget(id);
    return store.destroy(id, ctx);
  }
  render(h, path) {
    h.payload.previousUrl = pageUrl(path);
    h.response = this.page(200, h.payload);
    return h;
  }
  /** A rendered page; only a 200 page carries a form with the CSRF token. */
  page(status2, p) {
    return { status: status2, location: null, authenticated: p.userId !== null, pageToken: status2 === 200 ? p.token : null };
  }
  redirect(h, location) {
    h.response = { status: 302, location, authenticated: h.payload.userId !== null, pageToken: null };
    return h;
  }
};

// src/sim/metrics.ts
var zeroOutcomes = () => Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
var MAX_LATENCY_MS = 12e4;
var INITIAL_LATENCY_BUCKETS = 4096;
var Metrics = class {
  requests = 0;
  /** Requests whose outcome is `logged_out` (see src/sim/outcomes.ts). */
  logouts = 0;
  statuses = {};
  outcomes = zeroOutcomes();
  perNode = {};
  series = [];
  current;
  latency = new Uint32Array(INITIAL_LATENCY_BUCKETS);
  constructor(nodeNames) {
    for (const n of nodeNames) this.perNode[n] = 0;
    this.current = this.bucket(0);
  }
  record(r, latencyMs) {
    this.requests++;
    this.statuses[r.status] = (this.statuses[r.status] ?? 0) + 1;
    this.outcomes[r.outcome]++;
    const c = this.current;
    c.requests++;
    c.outcomes[r.outcome]++;
    if (r.node !== null) {
      this.perNode[r.node] = (this.perNode[r.node] ?? 0) + 1;
      c.perNode[r.node] = (c.perNode[r.node] ?? 0) + 1;
    }
    if (isLogout(r)) {
      this.logouts++;
      c.logouts++;
    }
    const ms = Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(latencyMs)));
    if (ms >= this.latency.length) this.growLatency(ms);
    this.latency[ms]++;
  }
  /** Close the current second and open the next. */
  closeSecond(redis) {
    const done = this.current;
    done.redis = redis;
    this.series.push(done);
    this.current = this.bucket(done.sec + 1);
    return done;
  }
  /** The q-quantile (0..1) of response times in ms, as the user's browser measured them. */
  latencyQuantile(q) {
    const target = Math.ceil(q * this.requests);
    let seen = 0;
    for (let ms = 0; ms < this.latency.length; ms++) {
      seen += this.latency[ms];
      if (seen >= target && seen > 0) return ms;
    }
    return 0;
  }
  /** A checkpoint's copy shares the closed seconds: once closed, a bucket never changes. */
  [CLONE](c) {
    return c.copyFields(this, { series: this.series.slice() });
  }
  growLatency(ms) {
    const grown = new Uint32Array(Math.min(MAX_LATENCY_MS + 1, Math.max(ms + 1, this.latency.length * 2)));
    grown.set(this.latency);
    this.latency = grown;
  }
  bucket(sec) {
    return { sec, requests: 0, outcomes: zeroOutcomes(), perNode: {}, logouts: 0, redis: null };
  }
};

// src/sim/redis/reach.ts
function redisIsUp(w) {
  return w.redis !== null && redisGate(w) !== "refused" && w.redis.isUp;
}
function redisReach(w, node) {
  if (w.redis === null) return "refused";
  if (node.partitioned || redisGate(w) === "blackholed") return "silent";
  return redisIsUp(w) ? "open" : "refused";
}

// src/sim/redis/connection.ts
var REDIS_RTT_MS = 0.5;
var DEFAULT_REDIS_TIMEOUT_MS = Infinity;
var RedisConnection = class {
  /** `w` supplies the current primary (Sentinel may swap it) and its state. */
  constructor(w, node, options = {}) {
    this.w = w;
    this.node = node;
    this.timeoutFor = options.timeoutFor ?? (() => DEFAULT_REDIS_TIMEOUT_MS);
    this.onWrite = options.onWrite;
  }
  w;
  node;
  timeoutFor;
  onWrite;
  /** The client's timeout for a call opening the connection (the feed and tests read it). */
  get timeoutMs() {
    return this.timeoutFor("connect");
  }
  /** One command's round trip from this node, ms: the network plus any latency injected on Redis. */
  get roundTripMs() {
    return REDIS_RTT_MS + (this.w.redis?.latencyMs ?? 0);
  }
  /** The server, if this node can reach it now; otherwise the typed error of the fault. */
  server(client) {
    switch (redisReach(this.w, this.node)) {
      case "open":
        return this.w.redis;
      case "refused":
        throw new RedisConnectionError();
      case "silent":
        throw new RedisTimeoutError(this.timeoutFor(typeof client === "object" && client.redisOpen ? "read" : "connect"));
    }
  }
  /**
   * A request's worker connects (`connected_clients`). When Redis cannot be reached nothing
   * happens here: the refusal or the silence surfaces at the request's first command.
   */
  open(link) {
    if (redisReach(this.w, this.node) !== "open") return;
    const r = this.w.redis;
    r.connect(link.id, this.label(link, r.immediate));
    link.redisOpen = true;
  }
  /** The request ends: its worker disconnects. */
  close(link) {
    if (!link.redisOpen) return;
    link.redisOpen = false;
    this.w.redis?.disconnect(link.id);
  }
  /**
   * The address MONITOR shows for `client`: a request's connection is `node-ip:number`, built
   * only while a simulated server is being monitored (a string per request cost ~10 % of a run).
   */
  label(client, immediate) {
    if (typeof client !== "object") return client === void 0 ? void 0 : String(client);
    return immediate?.monitoring === false ? void 0 : `${this.node.privateIp}:${client.id}`;
  }
  get(key, client) {
    const r = this.server(client);
    const now = r.immediate;
    return now ? now.getNow(key, this.label(client, now)) : r.get(key, this.label(client));
  }
  setex(key, seconds, value, client) {
    const r = this.server(client);
    const now = r.immediate;
    if (now) {
      now.setexNow(key, seconds, value, this.label(client, now));
      this.onWrite?.("setex", key, seconds, value);
      return;
    }
    return r.setex(key, seconds, value, this.label(client)).then(() => this.onWrite?.("setex", key, seconds, value));
  }
  del(key, client) {
    const r = this.server(client);
    const now = r.immediate;
    if (now) {
      now.delNow(key, this.label(client, now));
      this.onWrite?.("del", key, 0, "");
      return;
    }
    return r.del(key, this.label(client)).then(() => this.onWrite?.("del", key, 0, ""));
  }
  /** Any other command (the session lock's SET NX EX, GET, DEL). */
  command(name, args, client) {
    try {
      return this.server(client).command(name, args, this.label(client));
    } catch (err) {
      return Promise.reject(err);
    }
  }
};

// src/sim/redis/commandSpec.ts
function parseInteger(text) {
  if (!/^-?\d{1,19}$/.test(text)) throw notIntegerError();
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw notIntegerError();
  return n;
}

// src/sim/redis/accessStats.ts
var LRU_CLOCK_RESOLUTION_MS = 1e3;
var LFU_INIT_VAL = 5;
var LFU_LOG_FACTOR = 10;
var LFU_DECAY_TIME_MIN = 1;
function idleMs(meta, now) {
  const clock = Math.floor(now / LRU_CLOCK_RESOLUTION_MS);
  const last = Math.floor(meta.lruMs / LRU_CLOCK_RESOLUTION_MS);
  return clock >= last ? (clock - last) * LRU_CLOCK_RESOLUTION_MS : 0;
}
function lfuDecayed(meta, now) {
  const periods = Math.floor((Math.floor(now / 6e4) - meta.lfuMinutes) / LFU_DECAY_TIME_MIN);
  if (periods <= 0) return meta.lfuCounter;
  return periods > meta.lfuCounter ? 0 : meta.lfuCounter - periods;
}
function lfuLogIncr(counter, r) {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  return r < 1 / (base * LFU_LOG_FACTOR + 1) ? counter + 1 : counter;
}
function touchLfu(meta, now, r) {
  meta.lfuCounter = lfuLogIncr(lfuDecayed(meta, now), r);
  meta.lfuMinutes = Math.floor(now / 6e4);
}

// src/sim/redis/memoryModel.ts
var BASELINE_USED_MEMORY = 939432;
var DICT_SLOT_BYTES = 11;
var DICT_ENTRY_BYTES = 24;
var ROBJ_BYTES = 16;
var EMBSTR_LIMIT = 44;
function jemallocSize(n) {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const step = 2 ** (31 - Math.clz32(n - 1) - 2);
  return Math.ceil(n / step) * step;
}
function sdsHeader(len, allowType5) {
  if (len > 0 && len < 32 && allowType5) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  return 9;
}
var EXPIRE_OVERHEAD = jemallocSize(DICT_ENTRY_BYTES) + DICT_SLOT_BYTES;
function keyCost(key, valueLength) {
  const entry = jemallocSize(DICT_ENTRY_BYTES) + DICT_SLOT_BYTES;
  const keySds = jemallocSize(sdsHeader(key.length, true) + key.length + 1);
  const value = valueLength <= EMBSTR_LIMIT ? jemallocSize(ROBJ_BYTES + 3 + valueLength + 1) : jemallocSize(ROBJ_BYTES) + jemallocSize(sdsHeader(valueLength, false) + valueLength + 1);
  return entry + keySds + value;
}
function bytesToHuman(n) {
  if (n < 1024) return `${n}B`;
  const units = ["K", "M", "G", "T", "P"];
  let value = n / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(2)}${units[i]}`;
}
function parseMemory(text) {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(text);
  if (m === null) return null;
  const unit = (m[2] ?? "b").toLowerCase();
  const mul = { b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  const value = Number(m[1]) * mul[unit];
  return Number.isSafeInteger(value) ? value : null;
}

// src/sim/redis/keyTable.ts
var NO_EXPIRY = 0;
var KeyMeta = class {
  constructor(key, now, lfuInit) {
    this.key = key;
    this.lruMs = now;
    this.lfuCounter = lfuInit;
    this.lfuMinutes = Math.floor(now / 6e4);
  }
  key;
  /** Bytes counted in used_memory, TTL overhead included. */
  size = 0;
  /** Absolute deadline, virtual epoch ms; {@link NO_EXPIRY} for none. */
  expireAt = NO_EXPIRY;
  /** Last access, virtual epoch ms (LRU policies). */
  lruMs;
  /** 8-bit logarithmic access counter (LFU policies). */
  lfuCounter;
  /** Last LFU decrement time, whole minutes (LFU policies). */
  lfuMinutes;
  /** Index in {@link KeyTable.all}. */
  idx = -1;
  /** Index in {@link KeyTable.volatile}, -1 without TTL. */
  vidx = -1;
  /**
   * The string the mock holds for this key (the same string, set by every write): GET answers
   * from here instead of through the mock, whose `get` checks its own expiry on the global
   * clock (a virtual-time bracket) and copies non-string values. Every value is a string (no
   * command here writes another type).
   */
  value = "";
};
var KeyTable = class _KeyTable {
  map = /* @__PURE__ */ new Map();
  all = [];
  volatile = [];
  /** Sum of {@link KeyMeta.size}, bytes. */
  bytes = 0;
  /**
   * A checkpoint's copy, built directly (a key's metadata is this table's own: nothing else
   * holds a KeyMeta between commands). The map and both arrays keep their order, so eviction
   * samples the same keys.
   */
  [CLONE](c) {
    const t = new _KeyTable();
    t.bytes = this.bytes;
    for (const m of this.all) t.all.push(Object.assign(new KeyMeta(m.key, 0, 0), m));
    for (const m of this.volatile) t.volatile.push(t.all[m.idx]);
    for (const m of this.map.values()) t.map.set(m.key, t.all[m.idx]);
    c.built(4 + t.all.length, 12 * t.all.length + t.volatile.length);
    return t;
  }
  get(key) {
    return this.map.get(key);
  }
  /** Add a new key (size 0 until {@link resize}). */
  create(key, now, lfuInit) {
    const meta = new KeyMeta(key, now, lfuInit);
    meta.idx = this.all.length;
    this.all.push(meta);
    this.map.set(key, meta);
    return meta;
  }
  /** Account for a write of a `valueLength`-char value to `meta`'s key. */
  resize(meta, valueLength) {
    const size = keyCost(meta.key, valueLength) + (meta.expireAt === NO_EXPIRY ? 0 : EXPIRE_OVERHEAD);
    this.bytes += size - meta.size;
    meta.size = size;
  }
  /** Give `meta` a deadline (or move it). */
  setExpire(meta, expireAt) {
    if (meta.expireAt === NO_EXPIRY) {
      meta.vidx = this.volatile.length;
      this.volatile.push(meta);
      meta.size += EXPIRE_OVERHEAD;
      this.bytes += EXPIRE_OVERHEAD;
    }
    meta.expireAt = expireAt;
  }
  /** Remove `meta`'s deadline (PERSIST, plain SET). */
  clearExpire(meta) {
    if (meta.expireAt === NO_EXPIRY) return;
    removeAt(this.volatile, meta.vidx, true);
    meta.vidx = -1;
    meta.expireAt = NO_EXPIRY;
    meta.size -= EXPIRE_OVERHEAD;
    this.bytes -= EXPIRE_OVERHEAD;
  }
  remove(meta) {
    if (meta.expireAt !== NO_EXPIRY) removeAt(this.volatile, meta.vidx, true);
    removeAt(this.all, meta.idx, false);
    this.map.delete(meta.key);
    this.bytes -= meta.size;
    meta.idx = -1;
    meta.vidx = -1;
  }
  clear() {
    this.map.clear();
    this.all.length = 0;
    this.volatile.length = 0;
    this.bytes = 0;
  }
};
function removeAt(list, i, volatile) {
  const last = list.pop();
  if (last === void 0 || i >= list.length) return;
  list[i] = last;
  if (volatile) last.vidx = i;
  else last.idx = i;
}

// src/sim/redis/eviction.ts
var EVPOOL_SIZE = 16;
var DEFAULT_MAXMEMORY_SAMPLES = 5;
var Evictor = class {
  constructor(rng, samples = DEFAULT_MAXMEMORY_SAMPLES) {
    this.rng = rng;
    this.samples = samples;
  }
  rng;
  samples;
  poolKeys = new Array(EVPOOL_SIZE).fill(null);
  poolScores = new Array(EVPOOL_SIZE).fill(0);
  picked = [];
  /** Forget pooled candidates (after a policy change their scores mean something else). */
  reset() {
    this.poolKeys.fill(null);
    this.poolScores.fill(0);
  }
  /** The key Redis would evict next under `policy`, or null if nothing is evictable. */
  pick(table, policy, now) {
    if (policy === "noeviction") return null;
    const allKeys = policy.startsWith("allkeys-");
    const dict = allKeys ? table.all : table.volatile;
    if (dict.length === 0) return null;
    if (policy.endsWith("-random")) return dict[Math.floor(this.rng() * dict.length)] ?? null;
    for (; ; ) {
      this.populate(dict, policy, now);
      for (let k = EVPOOL_SIZE - 1; k >= 0; k--) {
        const key = this.poolKeys[k];
        if (key === null || key === void 0) continue;
        this.poolKeys[k] = null;
        this.poolScores[k] = 0;
        const meta = table.get(key);
        if (meta !== void 0 && (allKeys || meta.expireAt !== NO_EXPIRY)) return meta;
      }
    }
  }
  /** `evictionPoolPopulate()`: sample and merge into the pool. */
  populate(dict, policy, now) {
    for (const i of this.sample(dict.length)) {
      const meta = dict[i];
      const score = policy.endsWith("-lru") ? idleMs(meta, now) : policy.endsWith("-lfu") ? 255 - lfuDecayed(meta, now) : -meta.expireAt;
      this.insert(meta.key, score);
    }
  }
  /** Insert keeping scores ascending left to right; drop the worst when full (evict.c). */
  insert(key, score) {
    const keys2 = this.poolKeys;
    const scores = this.poolScores;
    const last = EVPOOL_SIZE - 1;
    let k = 0;
    while (k < EVPOOL_SIZE && keys2[k] !== null && scores[k] < score) k++;
    if (k === 0 && keys2[last] !== null) return;
    if (k < EVPOOL_SIZE && keys2[k] === null) {
    } else if (keys2[last] === null) {
      for (let j = last; j > k; j--) {
        keys2[j] = keys2[j - 1];
        scores[j] = scores[j - 1];
      }
    } else {
      k--;
      for (let j = 0; j < k; j++) {
        keys2[j] = keys2[j + 1];
        scores[j] = scores[j + 1];
      }
    }
    keys2[k] = key;
    scores[k] = score;
  }
  /** Indices of up to `samples` distinct keys (all of them when there are that few). */
  sample(n) {
    const out = this.picked;
    out.length = 0;
    if (n <= this.samples) {
      for (let i = 0; i < n; i++) out.push(i);
      return out;
    }
    while (out.length < this.samples) {
      const i = Math.floor(this.rng() * n);
      if (!out.includes(i)) out.push(i);
    }
    return out;
  }
};

// src/sim/redis/expiryIndex.ts
var ExpiryIndex = class {
  at = [];
  keys = [];
  /** Number of pairs held, stale ones included. */
  get size() {
    return this.at.length;
  }
  /** The earliest deadline held, or `Infinity` when empty. */
  peekAt() {
    return this.at.length === 0 ? Infinity : this.at[0];
  }
  /** The key of the earliest pair (only meaningful when `size > 0`). */
  peekKey() {
    return this.keys[0];
  }
  push(expireAt, key) {
    const at = this.at;
    const keys2 = this.keys;
    let i = at.length;
    at.push(expireAt);
    keys2.push(key);
    while (i > 0) {
      const parent = i - 1 >> 1;
      const pAt = at[parent];
      if (pAt <= expireAt) break;
      at[i] = pAt;
      keys2[i] = keys2[parent];
      i = parent;
    }
    at[i] = expireAt;
    keys2[i] = key;
  }
  /** Remove the earliest pair. */
  pop() {
    const at = this.at;
    const keys2 = this.keys;
    const lastAt = at.pop();
    const lastKey = keys2.pop();
    if (at.length === 0 || lastAt === void 0 || lastKey === void 0) return;
    this.siftDown(0, lastAt, lastKey);
  }
  clear() {
    this.at = [];
    this.keys = [];
  }
  /** Replace the contents with exactly these pairs (drops every stale entry), in O(n). */
  rebuild(pairs) {
    this.clear();
    for (const [expireAt, key] of pairs) {
      this.at.push(expireAt);
      this.keys.push(key);
    }
    for (let i = (this.at.length >> 1) - 1; i >= 0; i--) {
      this.siftDown(i, this.at[i], this.keys[i]);
    }
  }
  siftDown(start, expireAt, key) {
    const at = this.at;
    const keys2 = this.keys;
    const n = at.length;
    const half = n >> 1;
    let i = start;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < n && at[right] < at[child]) child = right;
      const cAt = at[child];
      if (cAt >= expireAt) break;
      at[i] = cAt;
      keys2[i] = keys2[child];
      i = child;
    }
    at[i] = expireAt;
    keys2[i] = key;
  }
};

// src/sim/redis/mockKeyspace.ts
function keyspaceOf(mock) {
  const m = mock;
  if (typeof m.data?.get !== "function" || typeof m.data.keys !== "function" || typeof m.expires?.get !== "function") {
    throw new Error("ioredis-mock instances no longer expose data/expires: update keyspaceOf in src/sim/redis/mockKeyspace.ts");
  }
  return m;
}
var nextPort = 2e4;
function mockAddress() {
  const port = nextPort++;
  return { host: `sim-${port}`, port, lazyConnect: false };
}
var Mock = null;
function newMock(Redis) {
  Mock = Redis;
  return new Redis(mockAddress());
}
function saveKeyspace(mock, vt) {
  const from = keyspaceOf(mock);
  return vt.run(0, () => {
    const keys2 = from.data.keys();
    return { keys: keys2, values: keys2.map((k) => from.data.get(k)), deadlines: keys2.map((k) => from.expires.get(k)) };
  });
}
function loadKeyspace(saved, vt) {
  if (Mock === null) throw new Error("ioredis-mock is not loaded: a saved keyspace comes from a running SimRedis");
  const mock = newMock(Mock);
  const to = keyspaceOf(mock);
  vt.run(0, () => {
    for (let i = 0; i < saved.keys.length; i++) {
      const key = saved.keys[i];
      to.data.set(key, saved.values[i]);
      const at = saved.deadlines[i];
      if (at !== void 0) to.expires.set(key, at);
    }
  });
  return mock;
}

// src/sim/redis/repr.ts
var PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
var encoder2 = new TextEncoder();
var NAMED = { 92: "\\\\", 34: '\\"', 10: "\\n", 13: "\\r", 9: "\\t", 7: "\\a", 8: "\\b" };
function repr(s) {
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (const byte of encoder2.encode(s)) {
    const named = NAMED[byte];
    if (named !== void 0) out += named;
    else if (byte >= 32 && byte <= 126) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `${out}"`;
}

// src/sim/redis/monitor.ts
var UNKNOWN_CLIENT = "0.0.0.0:0";
var Monitor = class _Monitor {
  listeners = /* @__PURE__ */ new Set();
  /** True while at least one listener is subscribed. */
  active = false;
  /** A checkpoint's copy has no MONITOR clients: they watched the original. */
  [CLONE]() {
    return new _Monitor();
  }
  subscribe(listener) {
    this.listeners.add(listener);
    this.active = true;
    return () => {
      this.listeners.delete(listener);
      this.active = this.listeners.size > 0;
    };
  }
  /** Emit one line; `nowMs` is virtual epoch ms (fractions give microseconds). */
  emit(nowMs, client, name, args) {
    const line = formatMonitorLine(nowMs, client ?? UNKNOWN_CLIENT, name, args);
    for (const listener of this.listeners) listener(line);
  }
};
function formatMonitorLine(nowMs, client, name, args) {
  const micros = Math.round(nowMs * 1e3);
  const sec = Math.floor(micros / 1e6);
  const usec = String(micros - sec * 1e6).padStart(6, "0");
  let line = `${sec}.${usec} [0 ${client}] ${repr(name)}`;
  for (const arg of args) line += ` ${repr(String(arg))}`;
  return line;
}

// src/sim/redis/stats.ts
var CommandStat = class {
  constructor(name) {
    this.name = name;
  }
  name;
  /** Executed (failed ones included), as Redis counts `calls`. */
  calls = 0;
  /** Refused before running (wrong arity, OOM): Redis's `rejected_calls`; not in total_commands_processed. */
  rejected = 0;
  /** Ran and answered with an error (e.g. `invalid expire time`): Redis's `failed_calls`. */
  failed = 0;
  /**
   * Keyspace hits this command made (its share of INFO's `keyspace_hits`): a TTL that found its
   * key counts, a TTL answered -2 does not. Not in INFO; lesson goals read it.
   */
  hits = 0;
};
var ServerStats = class {
  totalCommands = 0;
  errorReplies = 0;
  expiredKeys = 0;
  evictedKeys = 0;
  hits = 0;
  misses = 0;
  connectionsReceived = 0;
  /** The command being executed, so a key lookup can credit its hit to it (set before each run). */
  current = null;
  byName = /* @__PURE__ */ new Map();
  /** The stat object for a lower-case full command name (`get`, `config|get`), created on first use. */
  stat(name) {
    let s = this.byName.get(name);
    if (s === void 0) {
      s = new CommandStat(name);
      this.byName.set(name, s);
    }
    return s;
  }
  /** Calls per command name (executed only), for snapshots and tests. */
  callsByName() {
    const out = {};
    for (const s of this.sorted()) if (s.calls > 0) out[s.name] = s.calls;
    return out;
  }
  /** Keyspace hits per command name (commands with at least one), for lesson goals. */
  hitsByName() {
    const out = {};
    for (const s of this.sorted()) if (s.hits > 0) out[s.name] = s.hits;
    return out;
  }
  /** A key lookup found its key: INFO's keyspace_hits, and the running command's share. */
  hit() {
    this.hits++;
    if (this.current !== null) this.current.hits++;
  }
  /** Commands that were called or rejected at least once, by name (INFO omits the rest, like Redis). */
  sorted() {
    return [...this.byName.values()].filter((s) => s.calls + s.rejected > 0).sort((a, b) => a.name < b.name ? -1 : 1);
  }
};

// src/sim/redis/virtualTime.ts
function swapDateNow(next) {
  const previous = Date.now;
  Date.now = next;
  return previous;
}
var VirtualNow = class _VirtualNow {
  /** A checkpoint's copy: a bracket of its own, closed (checkpoints are taken between commands). */
  [CLONE]() {
    if (this.depth !== 0) throw new Error("a checkpoint was taken inside a Redis command");
    return new _VirtualNow();
  }
  instant = 0;
  /** Open brackets: nesting is harmless, only the outermost swaps the global. */
  depth = 0;
  /** What `Date.now` returns while a bracket is open. */
  read = () => this.instant;
  /** The function `Date.now` held before the outermost bracket (set on entry). */
  saved = this.read;
  /** Point `Date.now` at `ms` (integer epoch ms). Must be followed by {@link exit} in a `finally`. */
  enter(ms) {
    this.instant = ms;
    if (this.depth++ === 0) this.saved = swapDateNow(this.read);
  }
  /** Restore whatever `Date.now` was before the outermost {@link enter}. */
  exit() {
    if (--this.depth === 0) swapDateNow(this.saved);
  }
  /** Run `fn` at virtual instant `ms` (convenience for cold paths; allocates the closure). */
  run(ms, fn) {
    this.enter(ms);
    try {
      return fn();
    } finally {
      this.exit();
    }
  }
};

// src/sim/redis/core.ts
var NO_MOCK = new Proxy({}, {
  get(_, name) {
    throw new Error(`a checkpoint's Redis is data, not a server (it was asked for ${String(name)})`);
  }
});
var MOCK_DEADLINE_SKEW_MS = 1;
var RedisCore = class {
  constructor(mock, clock, rng, config, startedMs) {
    this.mock = mock;
    this.clock = clock;
    this.rng = rng;
    this.config = config;
    this.startedMs = startedMs;
    this.evictor = new Evictor(rng, config.samples);
    this.keyspace = keyspaceOf(mock);
    this.lfu = config.policy.endsWith("-lfu");
  }
  mock;
  clock;
  rng;
  config;
  startedMs;
  table = new KeyTable();
  expiry = new ExpiryIndex();
  stats = new ServerStats();
  monitor = new Monitor();
  vt = new VirtualNow();
  evictor;
  /** The mock's own keyspace, for the synchronous hot path. */
  keyspace;
  clients = /* @__PURE__ */ new Set();
  peakMemory = BASELINE_USED_MEMORY;
  /** Virtual time of the command in progress, unrounded (MONITOR prints microseconds). */
  rawNow = 0;
  /** Set by {@link begin}: over maxmemory and eviction could not fix it, so refuse `denyoom` writes. */
  oom = false;
  /** True under an LFU policy (accesses then update the LFU counter instead of the LRU clock). */
  lfu;
  /**
   * Set in a checkpoint's copy, which is never run: the keyspace as data. Its `mock` and
   * `keyspace` are then placeholders that refuse to be used.
   */
  saved = null;
  /**
   * A copy: the key table, expiry index, counters, configuration, clients and eviction pool
   * copied field by field. A checkpoint's (dormant) copy holds the keyspace as data
   * ({@link saved}); a live copy gets a new ioredis-mock instance holding it.
   */
  [CLONE](c) {
    const saved = this.saved ?? saveKeyspace(this.mock, this.vt);
    c.built(3, 3 * saved.keys.length);
    if (c.dormant) return c.copyFields(this, { mock: NO_MOCK, keyspace: NO_MOCK, saved });
    const mock = loadKeyspace(saved, this.vt);
    return c.copyFields(this, { mock, keyspace: keyspaceOf(mock), saved: null });
  }
  get usedMemory() {
    return BASELINE_USED_MEMORY + this.table.bytes;
  }
  /**
   * Start a command: read the virtual clock once (integer ms, like `Date.now`), expire what is
   * due, and run Redis's pre-command eviction (`performEvictions()` runs before every command
   * when maxmemory is set, and only when used memory is already over it).
   */
  begin() {
    const raw = this.clock();
    this.rawNow = raw;
    const now = Math.floor(raw);
    if (this.expiry.peekAt() < now) this.expireDue(now);
    const max = this.config.maxmemory;
    this.oom = max !== 0 && this.table.bytes + BASELINE_USED_MEMORY > max && !this.performEvictions(now);
    return now;
  }
  /**
   * Remove every key whose deadline is before `now` and count it in `expired_keys`. Redis's
   * `keyIsExpired` is `now > when`: at its deadline millisecond a key is still there (PTTL 0).
   * ioredis-mock expires at `when <= now`, one millisecond early, so the mock is always given
   * deadlines one millisecond later than the real ones ({@link MOCK_DEADLINE_SKEW_MS}); PTTL is
   * computed here, not by the mock. Checked against redis-server by `npm run oracles`.
   * Real Redis finds expired keys lazily or by its 10 Hz sampling cycle, so its counter lags a
   * little; ours moves as soon as any command or tick sees the deadline passed.
   */
  expireDue(now) {
    const expiry = this.expiry;
    while (expiry.size > 0 && expiry.peekAt() < now) {
      const at = expiry.peekAt();
      const meta = this.table.get(expiry.peekKey());
      expiry.pop();
      if (meta === void 0 || meta.expireAt !== at) continue;
      this.dropKey(meta, now);
      this.stats.expiredKeys++;
    }
  }
  /** Evict until used memory is within maxmemory; false if the policy finds nothing to evict. */
  performEvictions(now) {
    const max = this.config.maxmemory;
    while (this.usedMemory > max) {
      const meta = this.evictor.pick(this.table, this.config.policy, now);
      if (meta === null) return false;
      this.dropKey(meta, now);
      this.stats.evictedKeys++;
    }
    return true;
  }
  /** Delete a key from both the table and ioredis-mock (expiry, eviction). */
  dropKey(meta, now) {
    this.table.remove(meta);
    this.vt.enter(now);
    try {
      this.keyspace.data.delete(meta.key);
    } finally {
      this.vt.exit();
    }
  }
  /** A read or write access: Redis's `lookupKey()` updates the LRU clock or the LFU counter. */
  touch(meta, now) {
    if (this.lfu) touchLfu(meta, now, this.rng());
    else meta.lruMs = now;
  }
  /**
   * Record a string write of `value` (kept in the key's metadata) to `key` with deadline `expireAt` (or {@link NO_EXPIRY};
   * `keepTtl` keeps the current one). An overwrite counts as an access (lookupKeyWrite), and
   * under LFU keeps the counter (dbSetValue); a new key starts fresh.
   */
  recordWrite(key, value, expireAt, now, keepTtl = false) {
    const table = this.table;
    let meta = table.get(key);
    if (meta === void 0) meta = table.create(key, now, LFU_INIT_VAL);
    else this.touch(meta, now);
    meta.value = value;
    table.resize(meta, value.length);
    if (!keepTtl) this.recordExpire(meta, expireAt);
    const used = this.usedMemory;
    if (used > this.peakMemory) this.peakMemory = used;
    return meta;
  }
  /** Set or clear a live key's deadline, indexing it for expiry. */
  recordExpire(meta, expireAt) {
    if (expireAt === NO_EXPIRY) {
      this.table.clearExpire(meta);
      return;
    }
    this.table.setExpire(meta, expireAt);
    this.expiry.push(expireAt, meta.key);
    if (this.expiry.size > 1024 + 4 * this.table.volatile.length) {
      this.expiry.rebuild(this.table.volatile.map((m) => [m.expireAt, m.key]));
    }
  }
  /** Forget every key (FLUSHALL). */
  clearKeys() {
    this.table.clear();
    this.expiry.clear();
    this.evictor.reset();
  }
  /** Mean remaining TTL of keys that have one, ms (INFO keyspace `avg_ttl`; Redis estimates it by sampling). */
  avgTtl(now) {
    const vol = this.table.volatile;
    if (vol.length === 0) return 0;
    let sum = 0;
    for (const m of vol) sum += Math.max(0, m.expireAt - now);
    return Math.floor(sum / vol.length);
  }
};

// src/sim/redis/keyCommands.ts
function ttlFromPttl(pttl) {
  return pttl < 0 ? pttl : Math.floor((pttl + 500) / 1e3);
}
function lookup(core, key) {
  if (core.table.get(key) === void 0) core.stats.misses++;
  else core.stats.hit();
}
function execGet(core, key, now) {
  const meta = core.table.get(key);
  if (meta === void 0) {
    core.stats.misses++;
    return null;
  }
  core.stats.hit();
  core.touch(meta, now);
  return meta.value;
}
function execSetex(core, key, seconds, value, now) {
  core.recordWrite(key, value, now + seconds * 1e3, now);
  const ks = core.keyspace;
  ks.data.set(key, value);
  ks.expires.set(key, now + MOCK_DEADLINE_SKEW_MS + seconds * 1e3);
}
function writeString(core, key, value, expireAt, now, keepTtl) {
  const meta = core.recordWrite(key, value, expireAt, now, keepTtl);
  const vt = core.vt;
  vt.enter(now);
  try {
    void core.mock.set(key, value);
    if (meta.expireAt !== NO_EXPIRY) void core.mock.pexpireat(key, meta.expireAt + MOCK_DEADLINE_SKEW_MS);
  } finally {
    vt.exit();
  }
}
function execDel(core, keys2, now) {
  if (typeof keys2 === "string") return delOne(core, keys2, now);
  let n = 0;
  for (const key of keys2) n += delOne(core, key, now);
  return n;
}
function delOne(core, key, now) {
  const meta = core.table.get(key);
  if (meta === void 0) return 0;
  core.dropKey(meta, now);
  return 1;
}
function execExists(core, keys2, now) {
  for (const key of keys2) lookup(core, key);
  const vt = core.vt;
  vt.enter(now);
  try {
    return core.mock.exists(...keys2);
  } finally {
    vt.exit();
  }
}
function execPttl(core, key, now) {
  lookup(core, key);
  const meta = core.table.get(key);
  if (meta === void 0) return Promise.resolve(-2);
  return Promise.resolve(meta.expireAt === NO_EXPIRY ? -1 : Math.max(0, meta.expireAt - now));
}
var NO_FLAGS = Object.freeze({ nx: false, xx: false, gt: false, lt: false });
function execExpire(core, key, ttlMs, flags, now) {
  const meta = core.table.get(key);
  if (meta === void 0) return Promise.resolve(0);
  core.touch(meta, now);
  const at = now + ttlMs;
  const current = meta.expireAt === NO_EXPIRY ? Infinity : meta.expireAt;
  if (flags.nx && current !== Infinity || flags.xx && current === Infinity || flags.gt && at <= current || flags.lt && at >= current) return Promise.resolve(0);
  if (at <= now) return Promise.resolve(execDel(core, key, now));
  core.recordExpire(meta, at);
  const vt = core.vt;
  vt.enter(now);
  try {
    return core.mock.pexpireat(key, at + MOCK_DEADLINE_SKEW_MS);
  } finally {
    vt.exit();
  }
}
function execPersist(core, key, now) {
  const meta = core.table.get(key);
  if (meta === void 0 || meta.expireAt === NO_EXPIRY) return Promise.resolve(0);
  core.touch(meta, now);
  core.recordExpire(meta, NO_EXPIRY);
  return core.vt.run(now, () => core.mock.persist(key));
}

// src/sim/redis/reply.ts
var OK = Object.freeze({ status: "OK" });
function status(text) {
  return text === "OK" ? OK : Object.freeze({ status: text });
}

// src/sim/redis/keyCommandSpecs.ts
var a0 = (args) => args[0];
var set = {
  arity: -3,
  denyoom: true,
  run(core, args, now) {
    const key = a0(args);
    const value = args[1];
    let nx = false, xx = false, get2 = false, keep = false, at = NO_EXPIRY;
    for (let i = 2; i < args.length; i++) {
      const opt = args[i].toUpperCase();
      const hasExpire = at !== NO_EXPIRY;
      if (opt === "NX" && !xx) nx = true;
      else if (opt === "XX" && !nx) xx = true;
      else if (opt === "GET") get2 = true;
      else if (opt === "KEEPTTL" && !hasExpire) keep = true;
      else if (["EX", "PX", "EXAT", "PXAT"].includes(opt) && !keep && !hasExpire && i + 1 < args.length) {
        const n = parseInteger(args[++i]);
        if (n <= 0) throw invalidExpireError("set");
        at = opt === "EX" ? now + n * 1e3 : opt === "PX" ? now + n : opt === "EXAT" ? n * 1e3 : n;
      } else throw syntaxError();
    }
    const exists = core.table.get(key) !== void 0;
    const old = get2 ? core.vt.run(now, () => core.mock.get(key)) : null;
    if (nx && exists || xx && !exists) return old ?? null;
    writeString(core, key, value, at, now, keep);
    return old ?? OK;
  }
};
function setexLike(name) {
  return {
    arity: 4,
    denyoom: true,
    run(core, args, now) {
      const n = parseInteger(args[1]);
      if (n <= 0) throw invalidExpireError(name);
      if (name === "setex") {
        execSetex(core, a0(args), n, args[2], now);
        return OK;
      }
      writeString(core, a0(args), args[2], now + n, now, false);
      return OK;
    }
  };
}
function parseExpireFlags(args) {
  const f = { nx: false, xx: false, gt: false, lt: false };
  for (const raw of args) {
    const opt = raw.toLowerCase();
    if (opt === "nx" || opt === "xx" || opt === "gt" || opt === "lt") f[opt] = true;
    else throw new RedisReplyError(`ERR Unsupported option ${raw}`);
  }
  if (f.nx && (f.xx || f.gt || f.lt)) throw new RedisReplyError("ERR NX and XX, GT or LT options at the same time are not compatible");
  if (f.gt && f.lt) throw new RedisReplyError("ERR GT and LT options at the same time are not compatible");
  return f;
}
function expireLike(unitMs) {
  return {
    arity: -3,
    run: (core, args, now) => {
      const n = parseInteger(args[1]);
      return execExpire(core, a0(args), n * unitMs, parseExpireFlags(args.slice(2)), now);
    }
  };
}
var KEY_COMMANDS = {
  get: { arity: 2, run: (core, args, now) => execGet(core, a0(args), now) },
  set,
  setex: setexLike("setex"),
  psetex: setexLike("psetex"),
  del: { arity: -2, run: (core, args, now) => execDel(core, args, now) },
  exists: { arity: -2, run: (core, args, now) => execExists(core, args, now) },
  pttl: { arity: 2, run: (core, args, now) => execPttl(core, a0(args), now) },
  ttl: { arity: 2, run: (core, args, now) => execPttl(core, a0(args), now).then(ttlFromPttl) },
  expire: expireLike(1e3),
  pexpire: expireLike(1),
  persist: { arity: 2, run: (core, args, now) => execPersist(core, a0(args), now) },
  type: {
    arity: 2,
    run: (core, args, now) => {
      const found = core.table.get(a0(args)) !== void 0;
      if (found) core.stats.hit();
      else core.stats.misses++;
      return core.vt.run(now, () => core.mock.type(a0(args))).then(status);
    }
  }
};

// src/sim/glob.ts
function compileGlob(pattern, dialect, nocase = false) {
  const p = Array.from(pattern);
  return { tokens: dialect === "redis" ? redisTokens(p) : bashTokens(p), nocase, dialect };
}
function globMatch(glob, text, meter) {
  const tokens = glob.tokens;
  const s = Array.from(text);
  if (glob.dialect === "redis" && s.length === 0) return tokens.length === 0;
  const m = tokens.length;
  const n = s.length;
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  let steps = 0;
  while (i < n) {
    steps++;
    const tok = tokens[p];
    if (tok !== void 0 && tok.t === "star") {
      starP = p++;
      starI = i;
    } else if (tok !== void 0 && matchOne(tok, s[i], glob.nocase)) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else {
      if (meter) meter.steps += steps;
      return false;
    }
  }
  while (p < m && tokens[p].t === "star") p++;
  if (meter) meter.steps += steps + 1;
  return p === m;
}
function matchOne(tok, c, nocase) {
  switch (tok.t) {
    case "one":
      return true;
    case "lit":
      return nocase ? tok.ch.toLowerCase() === c.toLowerCase() : tok.ch === c;
    case "set": {
      const known = tok.seen?.get(c);
      if (known !== void 0) return known;
      let hit = false;
      for (const it of tok.items) {
        if ("cls" in it ? inClass(it.cls, c) : inRange(it, c, nocase)) {
          hit = true;
          break;
        }
      }
      (tok.seen ??= /* @__PURE__ */ new Map()).set(c, hit !== tok.negate);
      return hit !== tok.negate;
    }
    default:
      return false;
  }
}
function inRange(it, c, nocase) {
  if (nocase && !it.exact) {
    const x = c.toLowerCase();
    return x >= it.lo.toLowerCase() && x <= it.hi.toLowerCase();
  }
  return c >= it.lo && c <= it.hi;
}
var CLASSES = {
  alpha: /^\p{L}$/u,
  digit: /^[0-9]$/,
  alnum: /^[\p{L}0-9]$/u,
  upper: /^\p{Lu}$/u,
  lower: /^\p{Ll}$/u,
  space: /^\s$/u,
  blank: /^[ \t]$/,
  punct: /^[!-/:-@[-`{-~]$/,
  xdigit: /^[0-9A-Fa-f]$/,
  // eslint-disable-next-line no-control-regex -- the class is made of control characters
  cntrl: /^[\x00-\x1f\x7f]$/,
  print: /^[^\p{Cc}]$/u,
  graph: /^[^\p{Cc}\s]$/u,
  word: /^[\p{L}0-9_]$/u
};
function inClass(cls, c) {
  const re = Object.hasOwn(CLASSES, cls) ? CLASSES[cls] : void 0;
  return re !== void 0 && re.test(c);
}
function redisTokens(p) {
  const out = [];
  const n = p.length;
  let i = 0;
  while (i < n) {
    const c = p[i];
    if (c === "*") {
      if (out[out.length - 1]?.t !== "star") out.push({ t: "star" });
      i++;
    } else if (c === "?") {
      out.push({ t: "one" });
      i++;
    } else if (c === "[") {
      i++;
      const negate = p[i] === "^";
      if (negate) i++;
      const items = [];
      for (; ; ) {
        if (p[i] === "\\" && n - i >= 2) {
          i++;
          items.push({ lo: p[i], hi: p[i], exact: true });
        } else if (i >= n) {
          break;
        } else if (p[i] === "]") {
          break;
        } else if (n - i >= 3 && p[i + 1] === "-") {
          const a = p[i];
          const b = p[i + 2];
          items.push(a <= b ? { lo: a, hi: b, exact: false } : { lo: b, hi: a, exact: false });
          i += 2;
        } else {
          items.push({ lo: p[i], hi: p[i], exact: false });
        }
        i++;
      }
      i++;
      out.push({ t: "set", negate, items });
    } else if (c === "\\" && n - i >= 2) {
      out.push({ t: "lit", ch: p[i + 1] });
      i += 2;
    } else {
      out.push({ t: "lit", ch: c });
      i++;
    }
  }
  return out;
}
function bashTokens(p) {
  const out = [];
  const n = p.length;
  const deadEnds = new Uint8Array(n + 1);
  let i = 0;
  while (i < n) {
    const c = p[i];
    if (c === "*") {
      if (out[out.length - 1]?.t !== "star") out.push({ t: "star" });
      i++;
    } else if (c === "?") {
      out.push({ t: "one" });
      i++;
    } else if (c === "[") {
      const set2 = bashSet(p, i, deadEnds);
      if (set2 === null) {
        out.push({ t: "lit", ch: "[" });
        i++;
      } else {
        out.push(set2.token);
        i = set2.next;
      }
    } else if (c === "\\") {
      out.push(i + 1 < n ? { t: "lit", ch: p[i + 1] } : { t: "set", negate: false, items: [] });
      i += 2;
    } else {
      out.push({ t: "lit", ch: c });
      i++;
    }
  }
  return out;
}
function bashSet(p, start, deadEnds) {
  const n = p.length;
  let i = start + 1;
  const negate = p[i] === "!" || p[i] === "^";
  if (negate) i++;
  const items = [];
  const path = [];
  const unclosed = () => {
    for (const k of path) deadEnds[k] = 1;
    return null;
  };
  let first = true;
  while (i < n) {
    if (!first) {
      if (deadEnds[i] === 1) return unclosed();
      path.push(i);
    }
    let c = p[i];
    if (c === "]" && !first) return { token: { t: "set", negate, items }, next: i + 1 };
    first = false;
    if (c === "[" && p[i + 1] === ":") {
      const close = findClassEnd(p, i + 2);
      if (close > 0) {
        items.push({ cls: p.slice(i + 2, close).join("") });
        i = close + 2;
        continue;
      }
    }
    if (c === "\\" && i + 1 < n) c = p[++i];
    if (p[i + 1] === "-" && i + 2 < n && p[i + 2] !== "]") {
      let hi = p[i + 2];
      let next = i + 3;
      if (hi === "\\" && i + 3 < n) {
        hi = p[i + 3];
        next = i + 4;
      }
      items.push({ lo: c, hi, exact: false });
      i = next;
      continue;
    }
    items.push({ lo: c, hi: c, exact: false });
    i++;
  }
  return unclosed();
}
function findClassEnd(p, from) {
  for (let j = from; j + 1 < p.length && j - from < 10; j++) {
    if (p[j] === ":" && p[j + 1] === "]") return j;
    if (!/[a-z]/.test(p[j])) return -1;
  }
  return -1;
}

// src/sim/types.ts
var EVICTION_POLICIES = [
  "noeviction",
  "allkeys-lru",
  "allkeys-lfu",
  "allkeys-random",
  "volatile-lru",
  "volatile-lfu",
  "volatile-random",
  "volatile-ttl"
];

// src/sim/redis/config.ts
var POLICY_ENUM_ORDER = [
  "volatile-lru",
  "volatile-lfu",
  "volatile-random",
  "volatile-ttl",
  "allkeys-lru",
  "allkeys-lfu",
  "allkeys-random",
  "noeviction"
];
var PARAMS = {
  maxmemory: {
    get: (c) => String(c.maxmemory),
    set: (c, value) => {
      const bytes = parseMemory(value);
      if (bytes === null) return "argument must be a memory value";
      c.maxmemory = bytes;
      return null;
    }
  },
  "maxmemory-policy": {
    get: (c) => c.policy,
    set: (c, value) => {
      const policy = EVICTION_POLICIES.find((p) => p === value.toLowerCase());
      if (policy === void 0) return `argument(s) must be one of the following: ${POLICY_ENUM_ORDER.join(", ")}`;
      c.policy = policy;
      return null;
    }
  },
  "maxmemory-samples": {
    get: (c) => String(c.samples),
    set: (c, value) => {
      if (!/^-?\d+$/.test(value)) return "argument couldn't be parsed into an integer";
      const n = Number(value);
      if (n < 1 || n > 64) return "argument must be between 1 and 64 inclusive";
      c.samples = n;
      return null;
    }
  }
};
function configSet(config, pairs) {
  const draft = { ...config };
  const changed = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const name = pairs[i].toLowerCase();
    const param = Object.hasOwn(PARAMS, name) ? PARAMS[name] : void 0;
    if (param === void 0) {
      throw new RedisReplyError(`ERR Unknown option or number of arguments for CONFIG SET - '${pairs[i]}'`);
    }
    if (changed.includes(name)) {
      throw new RedisReplyError(`ERR CONFIG SET failed (possibly related to argument '${name}') - duplicate parameter`);
    }
    const err = param.set(draft, pairs[i + 1]);
    if (err !== null) throw new RedisReplyError(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${err}`);
    changed.push(name);
  }
  Object.assign(config, draft);
  return changed;
}
function configGet(config, patterns) {
  const out = [];
  const globs = patterns.map((p) => compileGlob(p, "redis", true));
  for (const [name, param] of Object.entries(PARAMS)) {
    if (globs.some((g) => globMatch(g, name))) out.push(name, param.get(config));
  }
  return out;
}

// src/sim/redis/info.ts
var REDIS_VERSION = "7.2.4";
var DEFAULT_SECTIONS = ["server", "clients", "memory", "stats", "keyspace"];
var ALL_SECTIONS = [...DEFAULT_SECTIONS.slice(0, 4), "commandstats", "keyspace"];
var SECTIONS = {
  server: (s) => {
    const uptime = Math.max(0, Math.floor((s.nowMs - s.startedMs) / 1e3));
    return [
      ["redis_version", REDIS_VERSION],
      ["redis_mode", "standalone"],
      ["os", "Linux 6.1.0 x86_64"],
      ["arch_bits", 64],
      ["tcp_port", 6379],
      ["server_time_usec", Math.floor(s.nowMs * 1e3)],
      ["uptime_in_seconds", uptime],
      ["uptime_in_days", Math.floor(uptime / 86400)],
      ["hz", 10],
      ["configured_hz", 10],
      ["lru_clock", Math.floor(s.nowMs / 1e3) & 16777215]
    ];
  },
  clients: (s) => [["connected_clients", s.connectedClients], ["blocked_clients", 0], ["maxclients", 1e4]],
  memory: (s) => [
    ["used_memory", s.usedMemory],
    ["used_memory_human", bytesToHuman(s.usedMemory)],
    ["used_memory_peak", s.peakMemory],
    ["used_memory_peak_human", bytesToHuman(s.peakMemory)],
    ["maxmemory", s.maxmemory],
    ["maxmemory_human", bytesToHuman(s.maxmemory)],
    ["maxmemory_policy", s.policy],
    ["mem_allocator", "jemalloc-5.3.0"]
  ],
  stats: (s) => [
    ["total_connections_received", s.totalConnections],
    ["total_commands_processed", s.totalCommands],
    ["rejected_connections", 0],
    ["expired_keys", s.expiredKeys],
    ["evicted_keys", s.evictedKeys],
    ["keyspace_hits", s.hits],
    ["keyspace_misses", s.misses],
    ["total_error_replies", s.errorReplies]
  ],
  commandstats: (s) => s.commandStats.map(([name, calls, rejected, failed]) => [
    `cmdstat_${name}`,
    `calls=${calls},usec=0,usec_per_call=0.00,rejected_calls=${rejected},failed_calls=${failed}`
  ]),
  keyspace: (s) => s.keys === 0 ? [] : [["db0", `keys=${s.keys},expires=${s.expires},avg_ttl=${s.avgTtlMs}`]]
};
var TITLES = {
  server: "Server",
  clients: "Clients",
  memory: "Memory",
  stats: "Stats",
  commandstats: "Commandstats",
  keyspace: "Keyspace"
};
function renderInfo(source, sections = []) {
  let wanted = [];
  for (const raw of sections.length === 0 ? ["default"] : sections) {
    const name = raw.toLowerCase();
    if (name === "default") wanted.push(...DEFAULT_SECTIONS);
    else if (name === "all" || name === "everything") wanted.push(...ALL_SECTIONS);
    else if (Object.hasOwn(SECTIONS, name)) wanted.push(name);
  }
  wanted = ALL_SECTIONS.filter((name) => wanted.includes(name));
  return wanted.map((name) => {
    const body = SECTIONS[name](source).map(([k, v]) => `${k}:${v}\r
`).join("");
    return `# ${TITLES[name]}\r
${body}`;
  }).join("\r\n");
}

// src/sim/redis/serverCommands.ts
function infoSource(core, now) {
  const s = core.stats;
  return {
    nowMs: now,
    startedMs: core.startedMs,
    connectedClients: core.clients.size,
    totalConnections: s.connectionsReceived,
    usedMemory: core.usedMemory,
    peakMemory: core.peakMemory,
    maxmemory: core.config.maxmemory,
    policy: core.config.policy,
    totalCommands: s.totalCommands,
    errorReplies: s.errorReplies,
    expiredKeys: s.expiredKeys,
    evictedKeys: s.evictedKeys,
    hits: s.hits,
    misses: s.misses,
    keys: core.table.map.size,
    expires: core.table.volatile.length,
    avgTtlMs: core.avgTtl(now),
    commandStats: s.sorted().map((c) => [c.name, c.calls, c.rejected, c.failed])
  };
}
function applyConfigSet(core, pairs, now) {
  const changed = configSet(core.config, pairs);
  if (changed.includes("maxmemory-policy")) {
    core.lfu = core.config.policy.endsWith("-lfu");
    core.evictor.reset();
  }
  core.evictor.samples = core.config.samples;
  if (changed.includes("maxmemory") && core.config.maxmemory !== 0) core.performEvictions(now);
}
var scan = {
  arity: -2,
  run(core, args, now) {
    const cursor = args[0];
    if (!/^\d+$/.test(cursor)) throw new RedisReplyError("ERR invalid cursor");
    let match = null, count = 10, type = null;
    for (let i = 1; i < args.length; i += 2) {
      const opt = args[i].toLowerCase();
      const value = args[i + 1];
      if (value === void 0) throw syntaxError();
      if (opt === "match") match = value;
      else if (opt === "count") {
        count = parseInteger(value);
        if (count < 1) throw syntaxError();
      } else if (opt === "type") type = value.toLowerCase();
      else throw syntaxError();
    }
    const glob = match === null || match === "*" ? null : compileGlob(match, "redis");
    const reply = core.vt.run(now, () => core.mock.scan(cursor, "COUNT", count));
    return reply.then(([next, keys2]) => [next, type !== null && type !== "string" ? [] : glob === null ? keys2 : keys2.filter((k) => globMatch(glob, k))]);
  }
};
var ALL_KEYS = 2 ** 31 - 1;
var keys = {
  arity: 2,
  run(core, args, now) {
    const pattern = args[0];
    const glob = pattern === "*" ? null : compileGlob(pattern, "redis");
    return core.vt.run(now, () => core.mock.scan("0", "COUNT", ALL_KEYS)).then(([, all]) => glob === null ? all : all.filter((k) => globMatch(glob, k)));
  }
};
var flush = {
  arity: -1,
  run(core, args, now) {
    if (args.length > 1 || args.length === 1 && !/^(a?sync)$/i.test(args[0])) throw syntaxError();
    core.clearKeys();
    return core.vt.run(now, () => core.mock.flushall()).then(() => OK);
  }
};
var SERVER_COMMANDS = {
  keys,
  scan,
  dbsize: { arity: 1, run: (core) => core.table.map.size },
  flushall: flush,
  flushdb: flush,
  info: { arity: -1, run: (core, args, now) => renderInfo(infoSource(core, now), args) },
  ping: {
    arity: -1,
    run: (_core, args) => {
      if (args.length > 1) throw arityError("ping");
      return args.length === 0 ? status("PONG") : args[0];
    }
  },
  echo: { arity: 2, run: (_core, args) => args[0] },
  monitor: { arity: 1, admin: true, run: () => OK },
  config: {
    subcommands: {
      get: { arity: -3, admin: true, run: (core, args) => configGet(core.config, args) },
      set: {
        arity: -4,
        admin: true,
        run: (core, args, now) => {
          if (args.length % 2 !== 0) throw arityError("config|set");
          applyConfigSet(core, args, now);
          return OK;
        }
      }
    }
  }
};

// src/sim/redis/dispatch.ts
var COMMANDS = { ...KEY_COMMANDS, ...SERVER_COMMANDS };
var SUPPORTED_COMMANDS = Object.keys(COMMANDS).sort();
function dispatch(core, name, args, client) {
  const stats = core.stats;
  const lower = name.toLowerCase();
  const entry = Object.hasOwn(COMMANDS, lower) ? COMMANDS[lower] : void 0;
  if (entry === void 0) {
    stats.errorReplies++;
    return Promise.reject(unknownCommandError(name, args));
  }
  let spec;
  let fullName = lower;
  let cmdArgs = args;
  if ("subcommands" in entry) {
    if (args.length === 0) return reject(core, lower, arityError(lower));
    const sub = args[0].toLowerCase();
    const subSpec = Object.hasOwn(entry.subcommands, sub) ? entry.subcommands[sub] : void 0;
    if (subSpec === void 0) {
      return reject(core, lower, new RedisReplyError(`ERR unknown subcommand '${args[0].slice(0, 128)}'. Try ${name.toUpperCase()} HELP.`));
    }
    spec = subSpec;
    fullName = `${lower}|${sub}`;
    cmdArgs = args.slice(1);
  } else spec = entry;
  const argc = args.length + 1;
  if (spec.arity > 0 ? argc !== spec.arity : argc < -spec.arity) return reject(core, fullName, arityError(fullName));
  const now = core.begin();
  if (spec.denyoom === true && core.oom) return reject(core, fullName, new RedisReplyError(OOM_MESSAGE));
  const stat = stats.stat(fullName);
  stat.calls++;
  stats.totalCommands++;
  stats.current = stat;
  if (spec.admin !== true && core.monitor.active) core.monitor.emit(core.rawNow, client, name, args);
  const fail2 = (err) => {
    stat.failed++;
    stats.errorReplies++;
    throw err instanceof RedisReplyError ? err : new RedisReplyError(`ERR ${String(err.message ?? err)}`);
  };
  try {
    return Promise.resolve(spec.run(core, cmdArgs, now)).catch(fail2);
  } catch (err) {
    return Promise.reject(err).catch(fail2);
  }
}
function reject(core, fullName, err) {
  core.stats.stat(fullName).rejected++;
  core.stats.errorReplies++;
  return Promise.reject(err);
}

// src/sim/redis/fallbackRng.ts
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/sim/redis/serverBase.ts
var OPEN = 0;
var REFUSED = 1;
var BLACKHOLED = 2;
var SimRedisBase = class {
  constructor(mock, opts, name) {
    this.opts = opts;
    this.name = name;
    const config = { maxmemory: opts.maxmemoryBytes ?? 0, policy: opts.policy ?? "noeviction", samples: DEFAULT_MAXMEMORY_SAMPLES };
    this.core = new RedisCore(mock, opts.now, opts.rng ?? mulberry32(24301), config, Math.floor(opts.now()));
    this.handshake = (opts.handshake ?? []).filter((c) => c[0] !== void 0).map(([name2, ...args]) => ({ name: name2, args, stat: this.core.stats.stat(name2.toLowerCase()) }));
  }
  opts;
  name;
  core;
  gate = OPEN;
  serverUp = true;
  blackholed = false;
  latency = 0;
  /** The commands a client sends on connecting, each with its counter (looked up once: this runs per request). */
  handshake;
  /** The server process is running (it may still be unreachable: see {@link blackhole}). */
  get isUp() {
    return this.serverUp;
  }
  /** Stop the server: commands reject with "Connection refused", open connections drop. Data is kept. */
  down() {
    this.serverUp = false;
    this.core.clients.clear();
    this.updateGate();
  }
  /** Start it again with its data (as if persisted); clients must reconnect. Counters are kept. */
  up() {
    this.serverUp = true;
    this.updateGate();
  }
  /**
   * While true nothing answers: commands reject at once with {@link RedisTimeoutError} and the
   * engine decides how much virtual time the caller waited (a never-settling promise would leak).
   */
  get blackhole() {
    return this.blackholed;
  }
  set blackhole(on) {
    this.blackholed = on;
    this.updateGate();
  }
  /** Round-trip latency for the engine to apply, virtual ms (only held here). */
  setLatency(ms) {
    this.latency = ms;
  }
  get latencyMs() {
    return this.latency;
  }
  /** A client opens a connection (`connected_clients`). Throws the outage error when unreachable. */
  connect(clientId, label) {
    if (this.gate !== OPEN) throw this.gateError();
    const clients = this.core.clients;
    const before = clients.size;
    if (clients.add(clientId).size === before) return;
    this.core.stats.connectionsReceived++;
    const core = this.core;
    for (const { name, args, stat } of this.handshake) {
      core.begin();
      stat.calls++;
      core.stats.totalCommands++;
      if (core.monitor.active) core.monitor.emit(core.rawNow, label ?? String(clientId), name, args);
    }
  }
  disconnect(clientId) {
    this.core.clients.delete(clientId);
  }
  /** Engine heartbeat: expire keys whose TTL ran out by `now` (virtual epoch ms). Commands do this too. */
  tick(now) {
    const ms = Math.floor(now);
    if (this.core.expiry.peekAt() < ms) this.core.expireDue(ms);
  }
  /** INFO text (Redis 7 layout, CRLF), computed at the current virtual time. Not counted as a command. */
  info(section) {
    const now = Math.floor(this.opts.now());
    this.tick(now);
    return renderInfo(infoSource(this.core, now), section === void 0 ? [] : section.split(/\s+/));
  }
  /** CONFIG SET one parameter (maxmemory, maxmemory-policy, maxmemory-samples). Throws RedisReplyError with Redis's text. */
  configSet(param, value) {
    applyConfigSet(this.core, [param, value], Math.floor(this.opts.now()));
  }
  /** CONFIG GET glob, as name → value. */
  configGet(pattern) {
    const flat = configGet(this.core.config, [pattern]);
    const out = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
    return out;
  }
  /** Subscribe to MONITOR lines; returns the unsubscribe function. */
  monitor(listener) {
    return this.core.monitor.subscribe(listener);
  }
  /** Executed calls per lower-case command name (INFO commandstats `calls`). */
  commandCalls() {
    return this.core.stats.callsByName();
  }
  /** Keyspace hits per lower-case command name: how many TTLs found their key, say. */
  commandHits() {
    return this.core.stats.hitsByName();
  }
  /** Plain data for the UI. Keys past their deadline stay counted until the next tick or command. */
  snapshot() {
    const core = this.core;
    const s = core.stats;
    return {
      up: this.serverUp,
      keys: core.table.map.size,
      usedMemory: core.usedMemory,
      maxmemory: core.config.maxmemory,
      policy: core.config.policy,
      connectedClients: core.clients.size,
      commands: s.totalCommands,
      expiredKeys: s.expiredKeys,
      evictedKeys: s.evictedKeys,
      hits: s.hits,
      misses: s.misses
    };
  }
  /** Free the mock's data (ioredis-mock keeps a map per host:port for the life of the page). */
  dispose() {
    this.core.clearKeys();
    if (this.core.saved !== null) return;
    this.core.vt.run(Math.floor(this.opts.now()), () => void this.core.mock.flushall());
    this.core.mock.disconnect();
  }
  /** The error a command gets while the gate is not open. */
  gateError() {
    return this.gate === BLACKHOLED ? new RedisTimeoutError() : new RedisConnectionError();
  }
  /** Count a command refused before it ran (e.g. OOM); returns the error to throw. */
  refuseCall(stat, message) {
    stat.rejected++;
    this.core.stats.errorReplies++;
    return new RedisReplyError(message);
  }
  updateGate() {
    this.gate = this.blackholed ? BLACKHOLED : this.serverUp ? OPEN : REFUSED;
  }
};

// src/sim/redis/simRedis.ts
var SimRedis = class _SimRedis extends SimRedisBase {
  sGet;
  sSetex;
  sDel;
  sExists;
  sTtl;
  sPttl;
  sExpire;
  /** Create a server, lazy-loading ioredis-mock (351 KB gzip in the browser). */
  static async create(opts) {
    const { default: RedisMock } = await import("ioredis-mock");
    const mock = newMock(RedisMock);
    const name = opts.name ?? `redis-${mock.options.port ?? 0}`;
    return new _SimRedis(mock, opts, name);
  }
  constructor(mock, opts, name) {
    super(mock, opts, name);
    const s = this.core.stats;
    this.sGet = s.stat("get");
    this.sSetex = s.stat("setex");
    this.sDel = s.stat("del");
    this.sExists = s.stat("exists");
    this.sTtl = s.stat("ttl");
    this.sPttl = s.stat("pttl");
    this.sExpire = s.stat("expire");
  }
  /** This server answers the session commands synchronously (the engine owns it). */
  get immediate() {
    return this;
  }
  get monitoring() {
    return this.core.monitor.active;
  }
  /** GET, answered now: the value or null. Throws the outage errors while the server is unreachable. */
  getNow(key, client) {
    if (this.gate !== OPEN) throw this.gateError();
    const core = this.core;
    const now = core.begin();
    this.sGet.calls++;
    core.stats.totalCommands++;
    core.stats.current = this.sGet;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, "GET", [key]);
    return execGet(core, key, now);
  }
  /** SETEX, done now: store `value` for `seconds` (a positive integer). Throws OOM when full under noeviction. */
  setexNow(key, seconds, value, client) {
    if (this.gate !== OPEN) throw this.gateError();
    const core = this.core;
    const now = core.begin();
    const stat = this.sSetex;
    if (core.oom) throw this.refuseCall(stat, OOM_MESSAGE);
    stat.calls++;
    core.stats.totalCommands++;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, "SETEX", [key, seconds, value]);
    if (!Number.isInteger(seconds) || seconds <= 0) {
      stat.failed++;
      core.stats.errorReplies++;
      throw invalidExpireError("setex");
    }
    execSetex(core, key, seconds, value, now);
  }
  /** DEL one key, done now: 1 if it existed. */
  delNow(key, client) {
    if (this.gate !== OPEN) throw this.gateError();
    const core = this.core;
    const now = core.begin();
    this.sDel.calls++;
    core.stats.totalCommands++;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, "DEL", [key]);
    return execDel(core, key, now);
  }
  /** GET: the value or null. */
  get(key, client) {
    try {
      return Promise.resolve(this.getNow(key, client));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  /** SETEX: store `value` for `seconds` (a positive integer). Rejects with OOM when full under noeviction. */
  setex(key, seconds, value, client) {
    try {
      this.setexNow(key, seconds, value, client);
      return Promise.resolve("OK");
    } catch (err) {
      return Promise.reject(err);
    }
  }
  /** DEL one key: 1 if it existed. */
  del(key, client) {
    try {
      return Promise.resolve(this.delNow(key, client));
    } catch (err) {
      return Promise.reject(err);
    }
  }
  /** EXISTS one key: 1 or 0. */
  exists(key, client) {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sExists, client, "EXISTS", key);
    return execExists(this.core, [key], now);
  }
  /** TTL in seconds, Redis-rounded; -1 without TTL, -2 missing. */
  ttl(key, client) {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sTtl, client, "TTL", key);
    return execPttl(this.core, key, now).then(ttlFromPttl);
  }
  /** PTTL in ms; -1 without TTL, -2 missing. */
  pttl(key, client) {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sPttl, client, "PTTL", key);
    return execPttl(this.core, key, now);
  }
  /** EXPIRE key seconds (an integer; ≤ 0 deletes the key): 1 if set. */
  expire(key, seconds, client) {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sExpire, client, "EXPIRE", key, seconds);
    if (!Number.isInteger(seconds)) {
      this.sExpire.failed++;
      this.core.stats.errorReplies++;
      return Promise.reject(notIntegerError());
    }
    return execExpire(this.core, key, seconds * 1e3, NO_FLAGS, now);
  }
  /** KEYS pattern (walks every key, like the real one). */
  keys(pattern, client) {
    return this.command("KEYS", [pattern], client);
  }
  /** SCAN cursor [MATCH pattern] [COUNT count]: `[nextCursor, keys]`, done when the cursor is "0". */
  scan(cursor, match, count, client) {
    const args = [String(cursor)];
    if (match !== void 0) args.push("MATCH", match);
    if (count !== void 0) args.push("COUNT", String(count));
    return this.command("SCAN", args, client);
  }
  /** Any supported command by name, case-insensitive (the console's path). */
  command(name, args, client) {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    return dispatch(this.core, name, args, client);
  }
  /** Shared prologue of the colder typed commands. */
  count(stat, client, name, key, extra) {
    const core = this.core;
    const now = core.begin();
    stat.calls++;
    core.stats.totalCommands++;
    core.stats.current = stat;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, name, extra === void 0 ? [key] : [key, extra]);
    return now;
  }
};

// node_modules/pure-rand/lib/esm/generator/xoroshiro128plus.js
var jumps = [
  3639956645,
  3750757012,
  1261568508,
  386426335
];
var XoroShiro128Plus = class XoroShiro128Plus2 {
  constructor(s01, s00, s11, s10) {
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
  }
  clone() {
    return new XoroShiro128Plus2(this.s01, this.s00, this.s11, this.s10);
  }
  next() {
    const out = this.s00 + this.s10 | 0;
    const a02 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = s00 << 24 ^ s01 >>> 8 ^ a02 ^ a02 << 16;
    this.s01 = s01 << 24 ^ s00 >>> 8 ^ a1 ^ (a1 << 16 | a02 >>> 16);
    this.s10 = a1 << 5 ^ a02 >>> 27;
    this.s11 = a02 << 5 ^ a1 >>> 27;
    return out;
  }
  jump() {
    let ns01 = 0;
    let ns00 = 0;
    let ns11 = 0;
    let ns10 = 0;
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    for (let i = 0; i !== 4; ++i) {
      const ji = jumps[i];
      for (let mask = 1; mask; mask <<= 1) {
        if (ji & mask) {
          ns01 ^= s01;
          ns00 ^= s00;
          ns11 ^= s11;
          ns10 ^= s10;
        }
        const a02 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const s00_ = s00;
        const s01_ = s01;
        s00 = s00_ << 24 ^ s01_ >>> 8 ^ a02 ^ a02 << 16;
        s01 = s01_ << 24 ^ s00_ >>> 8 ^ a1 ^ (a1 << 16 | a02 >>> 16);
        s10 = a1 << 5 ^ a02 >>> 27;
        s11 = a02 << 5 ^ a1 >>> 27;
      }
    }
    this.s01 = ns01;
    this.s00 = ns00;
    this.s11 = ns11;
    this.s10 = ns10;
  }
  getState() {
    return [
      this.s01,
      this.s00,
      this.s11,
      this.s10
    ];
  }
};
function xoroshiro128plus(seed) {
  return new XoroShiro128Plus(-1, ~seed, seed | 0, 0);
}

// src/sim/rng.ts
function fnv1a(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function fmix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}
var LN2 = 0.6931471805599453;
function lnInteger(v) {
  const e = v >= 4294967296 ? 32 : 31 - Math.clz32(v);
  const m = v / 2 ** e;
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let k = 1; k <= 37; k += 2) {
    sum += term / k;
    term *= z2;
  }
  return e * LN2 + 2 * sum;
}
var ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
var Rng = class _Rng {
  /** @param seed the run's seed; @param stream the component's name (e.g. "users", "node-2"). */
  constructor(seed, stream = "root") {
    this.seed = seed;
    this.stream = stream;
    this.gen = xoroshiro128plus(fmix32(seed >>> 0 ^ fmix32(fnv1a(stream))) | 0);
    for (let i = 0; i < 8; i++) this.gen.next();
  }
  seed;
  stream;
  gen;
  /** An independent stream for a named sub-component. */
  split(stream) {
    return new _Rng(this.seed, `${this.stream}/${stream}`);
  }
  /** Uniform 32-bit unsigned integer. */
  u32() {
    return this.gen.next() >>> 0;
  }
  /** Uniform float in [0, 1). */
  float() {
    return (this.gen.next() >>> 0) / 4294967296;
  }
  /** Uniform integer in [0, n). */
  int(n) {
    return Math.floor(this.float() * n);
  }
  /** True with probability p. */
  chance(p) {
    return this.float() < p;
  }
  /** Exponentially distributed value with the given mean (think times, inter-arrival gaps). */
  exp(mean) {
    return -(lnInteger(4294967296 - this.u32()) - 32 * LN2) * mean;
  }
  /** Uniform value in [lo, hi). */
  between(lo, hi) {
    return lo + this.float() * (hi - lo);
  }
  /** A random `[A-Za-z0-9]` string, like Laravel's `Str::random($length)`. */
  alnum(length) {
    const codes = new Array(length);
    for (let i = 0; i < length; i++) codes[i] = ALNUM.charCodeAt(this.int(62));
    return String.fromCharCode(...codes);
  }
  /** One element of a non-empty array. */
  pick(items) {
    return items[this.int(items.length)];
  }
};

// src/config/laravelNames.ts
function laravelNames(appName, style = "framework") {
  const sep = style === "framework" ? "_" : "-";
  const slug = laravelSlug(appName, sep);
  const redisPrefix = `${slug}${sep}database${sep}`;
  const cachePrefix = `${slug}${sep}cache${sep}`;
  return { slug, cookie: `${slug}${sep}session`, redisPrefix, cachePrefix, sessionKeyPrefix: redisPrefix + cachePrefix };
}
function laravelSlug(title, separator = "-") {
  let s = toAscii(title);
  const flip = separator === "-" ? "_" : "-";
  s = s.split(flip).join(separator);
  s = s.split("@").join(`${separator}at${separator}`);
  s = s.toLowerCase();
  let kept = "";
  for (const ch of s) {
    if (ch === separator || /[a-z0-9]/.test(ch) || /\s/.test(ch)) kept += ch;
  }
  const collapsed = kept.replace(/\s+/g, separator).split(separator).filter((p) => p !== "").join(separator);
  return collapsed;
}
var SPELLED = {
  \u00DF: "ss",
  \u00E6: "ae",
  \u00C6: "AE",
  \u0153: "oe",
  \u0152: "OE",
  \u00F8: "o",
  \u00D8: "O",
  \u0111: "d",
  \u0110: "D",
  \u00F0: "d",
  \u00D0: "D",
  \u0142: "l",
  \u0141: "L",
  \u00FE: "th",
  \u00DE: "TH",
  \u0131: "i",
  \u0167: "t",
  \u0166: "T",
  \u0127: "h",
  \u0126: "H"
};
function toAscii(s) {
  let out = "";
  for (const ch of s.normalize("NFKD")) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 128) out += ch;
    else if (SPELLED[ch] !== void 0) out += SPELLED[ch];
    else if (/\s/u.test(ch)) out += " ";
  }
  return out;
}

// src/sim/trace.ts
var Trace = class {
  constructor(limit = Infinity) {
    this.limit = limit;
  }
  limit;
  ring = [];
  start = 0;
  total = 0;
  /** A checkpoint's copy shares the records: once pushed, a record never changes. */
  [CLONE](c) {
    return c.copyFields(this, { ring: this.ring.slice() });
  }
  push(r) {
    this.total++;
    if (this.limit <= 0) return;
    if (this.ring.length < this.limit) {
      this.ring.push(r);
      return;
    }
    this.ring[this.start] = r;
    this.start = (this.start + 1) % this.ring.length;
  }
  /** Records still held, oldest first. */
  records() {
    return this.start === 0 ? this.ring.slice() : [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }
};

// src/sim/laravel/cookieJar.ts
var MAX_COOKIE_BYTES = 4096;
function sealedText(iv) {
  return `eyJpdiI6${iv.toString(36)}`;
}
var textOf = (value) => typeof value === "number" ? sealedText(value) : value;
var SEALED_LENGTH = 15;
var live = (c, now) => c.expiresAt === null || c.expiresAt > now;
var CookieJar = class _CookieJar {
  cookies = /* @__PURE__ */ new Map();
  /** A checkpoint's copy (a thousand jars a checkpoint: copied directly, their cookies are their own). */
  [CLONE](c) {
    const jar = new _CookieJar();
    for (const [name, k] of this.cookies) jar.cookies.set(name, { value: k.value, plain: k.plain, expiresAt: k.expiresAt });
    c.built(2 + jar.cookies.size, 2 + 6 * jar.cookies.size);
    return jar;
  }
  /** The value the browser would send, or undefined (missing or expired). */
  get(name, now) {
    const c = this.entry(name, now);
    return c ? textOf(c.value) : void 0;
  }
  /** What the server reads after decrypting (falls back to the raw value). */
  plain(name, now) {
    const c = this.entry(name, now);
    return c ? c.plain ?? textOf(c.value) : void 0;
  }
  /** Apply a Set-Cookie. Returns false when the browser refuses it for its size. */
  set(cookie, now) {
    if (cookie.maxAgeSec === 0) {
      this.cookies.delete(cookie.name);
      return true;
    }
    const length = typeof cookie.value === "number" ? SEALED_LENGTH : cookie.value.length;
    if (cookie.name.length + length > MAX_COOKIE_BYTES) return false;
    const expiresAt = cookie.maxAgeSec === null ? null : now + cookie.maxAgeSec * 1e3;
    const held = this.cookies.get(cookie.name);
    if (held === void 0) {
      this.cookies.set(cookie.name, { value: cookie.value, plain: cookie.plain, expiresAt });
    } else {
      held.value = cookie.value;
      held.plain = cookie.plain;
      held.expiresAt = expiresAt;
    }
    return true;
  }
  /** The browser was closed: session cookies go, persistent ones stay. */
  closeBrowser() {
    for (const [name, c] of this.cookies) if (c.expiresAt === null) this.cookies.delete(name);
  }
  /** Every live cookie, for the inspector. Reading never changes the jar. */
  list(now) {
    const out = [];
    for (const [name, c] of this.cookies) {
      if (live(c, now)) out.push({ name, value: textOf(c.value), ...c.plain !== void 0 ? { plain: c.plain } : {}, expiresAt: c.expiresAt });
    }
    return out;
  }
  /** Expired cookies are ignored on read and overwritten on write, as a browser does; reads never mutate. */
  entry(name, now) {
    const c = this.cookies.get(name);
    return c && live(c, now) ? c : void 0;
  }
};

// src/sim/users/user.ts
function newUser(id, kind, ip, nextIpChangeAt) {
  return {
    id,
    kind,
    ip,
    nextIpChangeAt,
    jar: new CookieJar(),
    pageToken: null,
    page: "/login",
    loggedIn: false,
    leaving: false,
    inFlight: 0,
    lastNode: null,
    active: true,
    activation: 0
  };
}

// src/sim/users/manage.ts
var ARRIVAL_SPREAD_MS = 2e4;
function addUsers(w, count) {
  const rng = w.rng.users;
  for (let i = 0; i < count; i++) {
    const kind = clientKind(w.settings.clients, rng);
    const user = newUser(w.users.length + 1, kind, initialIp(kind, rng), w.now + rng.exp(MOBILE_IP_CHANGE_MEAN_MS));
    w.users.push(user);
    startUser(w, user, rng.between(0, ARRIVAL_SPREAD_MS));
  }
}
function setUserCount(w, n) {
  const active = w.users.filter((u) => u.active).length;
  if (n > active) {
    let missing = n - active;
    for (const u of w.users) {
      if (missing === 0) break;
      if (!u.active) {
        u.active = true;
        u.activation++;
        startUser(w, u, w.rng.users.between(0, 2e3));
        missing--;
      }
    }
    if (missing > 0) addUsers(w, missing);
    return;
  }
  let extra = active - n;
  for (let i = w.users.length - 1; i >= 0 && extra > 0; i--) {
    const u = w.users[i];
    if (u.active) {
      u.active = false;
      extra--;
    }
  }
}

// src/sim/simulation.ts
var VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
var Simulation = class _Simulation {
  constructor(w) {
    this.w = w;
  }
  w;
  /** Build a world at virtual time 0. Loads the Redis mock only when the driver needs it. */
  static async create(settings, options = {}) {
    const problem = describeProblems(balancerProblems(settings.balancer, settings.nodes), settings.nodes);
    if (problem !== null) throw new RangeError(`settings the simulator cannot run: ${problem}`);
    const root = new Rng(settings.seed);
    const names = laravelNames(settings.session.appName);
    const codec = new PayloadCodec();
    const appRng = root.split("app");
    const w = {
      settings: structuredClone(settings),
      now: 0,
      queue: new EventQueue(),
      rng: {
        users: root.split("users"),
        behaviour: root.split("behaviour"),
        app: appRng,
        cookies: root.split("cookies"),
        network: root.split("network"),
        gc: root.split("gc"),
        cache: root.split("cache")
      },
      users: [],
      nodes: new Map(settings.nodes.map((spec, i) => [spec.name, new AppNode(spec, i, settings.session.lifetimeMin)])),
      upstream: new Upstream(settings.balancer, settings.nodes),
      redis: null,
      cacheRedis: null,
      connections: /* @__PURE__ */ new Map(),
      replica: null,
      db: needsDatabase(settings) ? new SessionDatabase(dbConnectionOf(settings.session) ?? "sqlite", settings.session.lifetimeMin * 6e4) : null,
      replicationStream: 0,
      pendingReplication: 0,
      cacheErrors: 0,
      deploy: null,
      lastSaved: /* @__PURE__ */ new Map(),
      lastSavedCount: 0,
      redisActor: createRedisActor(() => w),
      app: new LaravelApp(appRng, codec),
      // one 'app' stream: the app's ids and tokens
      codec,
      storeFor: () => {
        throw new Error("stores not built");
      },
      names: { cookie: names.cookie, keyPrefix: names.sessionKeyPrefix, redisPrefix: names.redisPrefix, cachePrefix: names.cachePrefix },
      metrics: new Metrics(settings.nodes.map((n) => n.name)),
      trace: new Trace(options.traceLimit),
      feed: [],
      watches: /* @__PURE__ */ new Map(),
      listeners: options.listeners ?? {},
      nextReqId: 1
    };
    if (needsRedis(settings)) {
      const r = settings.redis;
      w.redis = options.sessionRedis ? await options.sessionRedis() : await createRedis(w, root, "sessions", r.maxmemoryBytes, r.policy, handshakeCommands(r));
      w.cacheRedis = r.dedicatedSessionRedis ? await createRedis(w, root, "cache", r.maxmemoryBytes, r.policy) : w.redis;
      if (r.sentinel) w.replica = await createRedis(w, root, "replica", r.maxmemoryBytes, r.policy, handshakeCommands(r));
      const onWrite = remakeable(replicationTo, w);
      const timeoutFor = remakeable(clientTimeouts, r);
      for (const node of w.nodes.values()) w.connections.set(node.name, new RedisConnection(w, node, { onWrite, timeoutFor }));
    }
    w.storeFor = remakeable(makeStores, w, newStoreState());
    startCacheTraffic(w);
    addUsers(w, settings.users);
    for (const f of settings.events) w.queue.push({ kind: "fault", t: f.atSec * 1e3, seq: 0, action: f.action });
    w.queue.push({ kind: "tick", t: 1e3, seq: 0 });
    if (settings.balancer.flavor === "haproxy") w.queue.push({ kind: "check", t: HAPROXY_CHECK.interMs, seq: 0 });
    return new _Simulation(w);
  }
  /** Virtual ms since the start. */
  get now() {
    return this.w.now;
  }
  get settings() {
    return this.w.settings;
  }
  /**
   * The world, read-only by convention: the engine's own reports and the runner's snapshots
   * (src/ui/state) read it, never write it. Other views use the read API below ({@link SimRead}).
   */
  get world() {
    return this.w;
  }
  get sessionRedis() {
    return this.w.redis;
  }
  get sessionKeyPrefix() {
    return this.w.names.keyPrefix;
  }
  nodeNames() {
    return [...this.w.nodes.keys()];
  }
  nodeFiles(name) {
    return this.w.nodes.get(name);
  }
  get databaseUp() {
    return this.w.db?.server.up ?? null;
  }
  /**
   * The database driver's `sessions` table(s): rows, and how many hold a session already expired —
   * they stay until the lottery's `gc()` deletes them (no TTL, unlike Redis). Null without the driver.
   */
  get sessionRows() {
    const db = this.w.db;
    if (!db || this.w.settings.session.driver !== "database") return null;
    return { rows: db.rowCount(), expired: db.tables().reduce((n, t) => n + t.expiredRows(this.w.now), 0) };
  }
  get crowd() {
    return this.w.users;
  }
  get logouts() {
    return this.w.metrics.logouts;
  }
  get logoutSeconds() {
    return this.w.metrics.series;
  }
  /** Process the next event. Returns false when nothing is left. */
  async step() {
    const e = this.w.queue.pop();
    if (!e) return false;
    this.w.now = e.t;
    const pending = this.dispatch(e);
    if (pending) await pending;
    return true;
  }
  /** Process every event up to and including virtual time `t` (ms), then stop the clock at `t`. */
  async runUntil(t) {
    const q = this.w.queue;
    while (q.size > 0 && q.nextTime() <= t) {
      const e = q.pop();
      this.w.now = e.t;
      const pending = this.dispatch(e);
      if (pending) await pending;
    }
    if (t > this.w.now) this.w.now = t;
  }
  /** Run to the configured duration. */
  async run() {
    await this.runUntil(this.w.settings.durationSec * 1e3);
  }
  /** Apply a fault now. Returns an error message instead of applying one that makes no sense. */
  fault(action) {
    return applyFault(this.w, action);
  }
  /** Schedule a fault at a virtual time (a lesson's timeline). */
  schedule(f) {
    this.w.queue.push({ kind: "fault", t: Math.max(this.w.now, f.atSec * 1e3), seq: 0, action: f.action });
  }
  /** Release what the run holds outside itself (its Redis servers' slots in ioredis-mock). */
  dispose() {
    releaseWorld(this.w);
  }
  /**
   * Copy the whole state now, between events (src/sim/checkpoint.ts). {@link restore} gives a
   * simulation that goes on exactly as this one does from here. Not with a real Redis server.
   */
  checkpoint() {
    if (this.w.redis && !(this.w.redis instanceof SimRedis)) throw new Error("checkpoints need the simulated Redis: a real server cannot be copied");
    return Checkpoint.take(this.w);
  }
  /** A simulation at a checkpoint's moment, reporting to `options.listeners`; the checkpoint stays usable. */
  static restore(checkpoint, options = {}) {
    return new _Simulation(checkpoint.restore(options.listeners ?? {}));
  }
  /** Change the number of users live. */
  setUsers(n) {
    setUserCount(this.w, n);
    this.w.settings.users = n;
  }
  dispatch(e) {
    const w = this.w;
    switch (e.kind) {
      case "send":
        return send(w, e.user, e.intent, e.activation);
      case "arrive":
        return arrive(w, e);
      case "lock":
        return acquireLock(w, e);
      case "finish":
        return finish(w, e);
      case "receive":
        return receive(w, e);
      case "tick":
        return this.tick();
      case "fault": {
        const err = applyFault(w, e.action, "schedule");
        if (err) feed(w, "warning", `scheduled fault ignored: ${err}`);
        return;
      }
      case "booted":
        return booted(w, e.node, e.epoch);
      case "reroute-report":
        return reportReroutes(w, e.node, e.watch);
      case "check":
        return this.healthChecks();
      case "cache":
        return cacheOp(w);
      case "promote":
        return promoteReplica(w, e.lost);
      case "replicate":
        return applyReplication(w, e.r);
      case "cache-clear":
        return cacheClear(w);
    }
  }
  /** HAProxy's active checks (`check inter 2s`): a TCP connect to every server. */
  healthChecks() {
    const w = this.w;
    for (const node of w.nodes.values()) w.upstream.healthCheck(node.name, node.accepting, w.now);
    w.queue.push({ kind: "check", t: w.now + HAPROXY_CHECK.interMs, seq: 0 });
  }
  /** Once a virtual second: close the metrics bucket, let Redis expire keys. */
  tick() {
    const w = this.w;
    w.redis?.tick(w.now);
    if (w.cacheRedis !== w.redis) w.cacheRedis?.tick(w.now);
    w.replica?.tick(w.now);
    const r = w.redis?.snapshot();
    w.metrics.closeSecond(r ? {
      keys: r.keys,
      commands: r.commands,
      connectedClients: r.connectedClients,
      usedMemory: r.usedMemory,
      evictedKeys: r.evictedKeys,
      expiredKeys: r.expiredKeys
    } : null);
    w.queue.push({ kind: "tick", t: w.now + 1e3, seq: 0 });
  }
};
function needsRedis(s) {
  return s.session.driver === "redis" || (s.redis.cacheLoad ?? "none") !== "none" || blockStoreOf(s.session) === "redis";
}
function needsDatabase(s) {
  return dbConnectionOf(s.session) !== null;
}
async function createRedis(w, root, name, maxmemoryBytes, policy, handshake) {
  const rng = root.split(`redis/${name}`);
  return SimRedis.create({ now: remakeable(virtualClock, w), name, maxmemoryBytes, policy, rng: remakeable(floats, rng), handshake });
}
var virtualClock = (w) => () => VIRTUAL_EPOCH_MS + w.now;
var floats = (rng) => () => rng.float();
var replicationTo = (w) => (op, key, seconds, value) => replicate(w, op, key, seconds, value);
var clientTimeouts = (r) => (phase) => blackholeFailSec(clientOf(r), r.timeoutSec, phase) * 1e3;

// ../prof/one.ts
async function main() {
  const s = defaultSettings();
  s.session.driver = process.argv[2] ?? "redis";
  s.users = 1e3;
  s.durationSec = 600;
  for (let i = 0; i < 4; i++) {
    const sim = await Simulation.create(s, { traceLimit: 0 });
    const t0 = performance.now();
    await sim.run();
    const ms = performance.now() - t0;
    sim.dispose();
    console.log(i, ms.toFixed(0), "ms", sim.world.metrics.requests, (ms * 1e3 / sim.world.metrics.requests).toFixed(2), "\xB5s/req");
  }
}
main();
/*! Bundled license information:

crc-32/crc32.js:
  (*! crc32.js (C) 2014-present SheetJS -- http://sheetjs.com *)

js-md5/build/md5.node.mjs:
  (**
   * [js-md5]{@link https://github.com/emn178/js-md5}
   *
   * @namespace md5
   * @version 0.9.2
   * @author Chen, Yi-Cyuan [emn178@gmail.com]
   * @copyright Chen, Yi-Cyuan 2014-2026
   * @license MIT
   *)
*/
