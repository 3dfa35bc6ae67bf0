// The only files a candidate can write: a fresh in-memory file system at /tmp for every candidate. Every
// other path is read-only in Emscripten's FS itself (JavaScript, which Python cannot reach), so no candidate
// can plant a module, change the standard library or leave a file, a working directory or an open file
// for the next one. Devices (/dev/null, the standard streams) stay writable.

/** Emscripten's musl numbers. */
const EROFS = 69;
const O_ACCMODE = 3;
const O_CREAT = 64;
const O_TRUNC = 512;
export const SCRATCH_DIR = '/tmp';

interface FsNode {
  mount: unknown;
  mode: number;
}
interface FsStream {
  fd: number | null;
  node: FsNode;
}
type FsOp = (...args: unknown[]) => unknown;

/** The parts of Emscripten's FS object used here (every syscall calls through these properties). */
export interface EmscriptenFs {
  lookupPath(path: string, opts?: { parent?: boolean; follow?: boolean }): { node: FsNode };
  getStream(fd: number): FsStream | null;
  isChrdev(mode: number): boolean;
  mount(type: unknown, opts: object, mountpoint: string): unknown;
  unmount(mountpoint: string): void;
  close(stream: FsStream): void;
  currentPath: string;
  streams: (FsStream | null | undefined)[];
  ErrnoError: new (errno: number) => Error;
}

/** Operations that change a path, and which of their arguments are paths (or nodes). */
const PATH_OPS: Record<string, number[]> = {
  mknod: [0], mkdir: [0], unlink: [0], rmdir: [0], rename: [0, 1], symlink: [1], chmod: [0], lchmod: [0],
  chown: [0], lchown: [0], truncate: [0], utime: [0],
};
/** Operations on an open file descriptor or stream. */
const FD_OPS = ['fchmod', 'fchown', 'ftruncate'];
const STREAM_OPS = ['write', 'msync'];

export interface ScratchFs {
  /** An empty /tmp, /tmp as working directory, and exactly the files that were open when this was made. */
  reset(): void;
}

/** Make everything but a per-candidate /tmp read-only. Call before the sandbox hides FS.mount. */
export function createScratchFs(fs: EmscriptenFs, memfs: unknown): ScratchFs {
  const mount = fs.mount.bind(fs);
  const unmount = fs.unmount.bind(fs);
  const close = fs.close.bind(fs);
  const ops = fs as unknown as Record<string, FsOp>;
  mount(memfs, {}, SCRATCH_DIR);
  let scratch = fs.lookupPath(SCRATCH_DIR).node.mount;

  const inScratch = (node: FsNode) => node.mount === scratch || fs.isChrdev(node.mode);
  const deny = () => {
    throw new fs.ErrnoError(EROFS);
  };
  /** A path may change when its directory and (if it exists) the file itself are in the scratch area. */
  const checkPath = (target: unknown) => {
    if (typeof target !== 'string') {
      if (!inScratch(target as FsNode)) deny();
      return;
    }
    if (!inScratch(fs.lookupPath(target, { parent: true }).node)) deny();
    let node: FsNode | null = null;
    try {
      node = fs.lookupPath(target, { follow: true }).node;
    } catch {
      // does not exist yet: its directory decided
    }
    if (node && !inScratch(node)) deny();
  };

  for (const [name, positions] of Object.entries(PATH_OPS)) {
    const original = ops[name];
    if (typeof original !== 'function') continue;
    ops[name] = (...args: unknown[]) => {
      for (const i of positions) checkPath(args[i]);
      return original.apply(fs, args);
    };
  }
  for (const name of FD_OPS) {
    const original = ops[name];
    if (typeof original !== 'function') continue;
    ops[name] = (...args: unknown[]) => {
      const stream = fs.getStream(args[0] as number);
      if (stream && !inScratch(stream.node)) deny();
      return original.apply(fs, args);
    };
  }
  for (const name of STREAM_OPS) {
    const original = ops[name];
    if (typeof original !== 'function') continue;
    ops[name] = (...args: unknown[]) => {
      if (!inScratch((args[0] as FsStream).node)) deny();
      return original.apply(fs, args);
    };
  }
  const open = ops.open!;
  ops.open = (...args: unknown[]) => {
    const [path, flags] = args as [unknown, number];
    if (typeof flags === 'number' && (flags & (O_ACCMODE | O_TRUNC | O_CREAT)) !== 0) checkPath(path);
    return open.apply(fs, args);
  };

  fs.currentPath = SCRATCH_DIR;
  const kept = fs.streams.slice();
  return {
    reset() {
      for (let fd = 0; fd < fs.streams.length; fd++) {
        const stream = fs.streams[fd];
        if (stream && kept[fd] !== stream) {
          try {
            close(stream);
          } catch {
            // already closed or its node is gone: dropped below either way
          }
        }
      }
      fs.streams.length = 0;
      kept.forEach((stream, fd) => {
        if (!stream) return;
        fs.streams[fd] = stream;
        stream.fd = fd;
      });
      unmount(SCRATCH_DIR);
      mount(memfs, {}, SCRATCH_DIR);
      scratch = fs.lookupPath(SCRATCH_DIR).node.mount;
      fs.currentPath = SCRATCH_DIR;
    },
  };
}
