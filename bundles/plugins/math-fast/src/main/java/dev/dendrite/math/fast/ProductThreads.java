package dev.dendrite.math.fast;

import dev.dendrite.api.math.Epilogue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Shares a product between the calling thread and {@code threads − 1} daemon workers, each
 * computing blocks with a {@link BlockProduct} (the Vector API kernels, or one-thread BLAS calls).
 * C is cut into chunks of whole tiles: by rows when the block product takes whole rows only; for
 * C = A·Bᵀ by columns, as long as they make at least two tiles a thread, since the kernel copies
 * the panels of Bᵀ a chunk reads and a chunk of rows would copy all of Bᵀ again; otherwise by rows
 * when C has at least as many rows as columns, else by columns. The caller and the workers take
 * chunks until none is left, each chunk {@link #SHARE} of the tiles still left divided by the
 * threads (guided self-scheduling): large chunks first, single tiles at the end, so that the
 * threads finish within about one tile of each other, and a worker that wakes late, or a processor
 * busy with another program, only takes fewer. A block product that takes whole rows only (one
 * BLAS call a chunk, which packs all of op(B) again) gets chunks of at least a third of a thread's
 * share. A product's epilogue, if any, runs on each chunk right after the chunk, on the thread
 * that computed it. A worker that had not started by the time the caller ran out of chunks is
 * called off instead of waited for. Small products, and those of a caller that finds the workers busy with another caller's
 * product, run on the caller alone. A worker spins for {@link #SPIN_NANOS} after a product,
 * because a training step issues its products shortly after one another, then parks. Hands work
 * over through atomic fields: a product allocates nothing.
 */
final class ProductThreads implements AutoCloseable {
    /** Below this many multiply-adds (n·m·k) a product is not split: a hand-over costs a few microseconds. */
    private static final long SPLIT_THRESHOLD = 1L << 18;
    /** A chunk is the tiles left divided by SHARE times the threads. */
    private static final int SHARE = 2;
    /** The smallest chunk of a rows-only block product is the tiles divided by LEAST_SHARE times the threads. */
    private static final int LEAST_SHARE = 3;
    private static final long SPIN_NANOS = 200_000;
    private static final int IDLE = 0;
    private static final int REQUESTED = 1;
    private static final int RUNNING = 2;

    private final BlockProduct kernel;
    private final Worker[] workers;
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicInteger nextTile = new AtomicInteger();
    private boolean closed;
    // the product being shared; written by the caller holding busy before it requests the workers
    private boolean transA;
    private boolean transB;
    private int n;
    private int m;
    private int k;
    private double alpha;
    // double[] or float[] (then floats is true)
    private Object a;
    private Object b;
    private Object c;
    private boolean floats;
    private boolean accumulate;
    private Epilogue then;
    private boolean byRows;
    private int tiles;
    private int leastTiles;

    /**
     * @param threads the threads a product may use, the caller's included (≥ 1)
     * @param kernel  what computes each block
     */
    ProductThreads(int threads, String name, BlockProduct kernel) {
        this.kernel = kernel;
        workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(name + "-" + (w + 1));
            workers[w].thread.start();
        }
    }

    /**
     * C = α·op(A)·op(B) (+ C), as {@link BlockProduct#compute}, on up to all threads; then
     * {@code then}, unless null, on each chunk of C by the thread that computed it, while the chunk
     * is in its cache (once on all of C when the product is not shared).
     */
    void product(boolean transA, boolean transB, int n, int m, int k, double alpha, double[] a, double[] b, double[] c,
                 boolean accumulate, Epilogue then) {
        share(transA, transB, n, m, k, alpha, a, b, c, false, accumulate, then);
    }

    /** The same in single precision. */
    void product(boolean transA, boolean transB, int n, int m, int k, float alpha, float[] a, float[] b, float[] c,
                 boolean accumulate, Epilogue then) {
        share(transA, transB, n, m, k, alpha, a, b, c, true, accumulate, then);
    }

    private void share(boolean transA, boolean transB, int n, int m, int k, double alpha, Object a, Object b, Object c,
                       boolean floats, boolean accumulate, Epilogue then) {
        int nr = floats ? FloatProduct.NR : VectorProduct.NR;
        boolean copiesBt = transB && (m + nr - 1) / nr >= 2 * (workers.length + 1);
        boolean rows = kernel.rowsOnly() || !copiesBt && n >= m;
        int tiles = rows ? (n + VectorProduct.MR - 1) / VectorProduct.MR : (m + nr - 1) / nr;
        if (workers.length == 0 || tiles < 2 || (long) n * m * k < SPLIT_THRESHOLD || !busy.tryLock()) {
            alone(transA, transB, n, m, k, alpha, a, b, c, floats, accumulate, then);
            return;
        }
        try {
            if (closed) {
                alone(transA, transB, n, m, k, alpha, a, b, c, floats, accumulate, then);
                return;
            }
            this.transA = transA;
            this.transB = transB;
            this.n = n;
            this.m = m;
            this.k = k;
            this.alpha = alpha;
            this.a = a;
            this.b = b;
            this.c = c;
            this.floats = floats;
            this.accumulate = accumulate;
            this.then = then;
            this.byRows = rows;
            this.tiles = tiles;
            int leastShare = LEAST_SHARE * (workers.length + 1);
            this.leastTiles = kernel.rowsOnly() ? (tiles + leastShare - 1) / leastShare : 1;
            nextTile.set(0);
            for (Worker worker : workers) {
                worker.request();
            }
            RuntimeException failure = null;
            try {
                takeChunks();
            } catch (RuntimeException e) { // an epilogue failed: no more chunks, the workers finish theirs
                nextTile.set(tiles);
                failure = e;
            }
            for (Worker worker : workers) {
                try {
                    worker.finish();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.then = null;
            busy.unlock();
        }
    }

    /** The whole product on the calling thread, then its epilogue on all of C. */
    private void alone(boolean transA, boolean transB, int n, int m, int k, double alpha, Object a, Object b, Object c,
                       boolean floats, boolean accumulate, Epilogue then) {
        compute(transA, transB, n, m, k, alpha, a, b, c, floats, accumulate, 0, n, 0, m);
        if (then != null) {
            then.apply(0, n * m);
        }
    }

    private void compute(boolean transA, boolean transB, int n, int m, int k, double alpha, Object a, Object b, Object c,
                         boolean floats, boolean accumulate, int i0, int i1, int j0, int j1) {
        if (floats) {
            kernel.compute(transA, transB, n, m, k, (float) alpha, (float[]) a, (float[]) b, (float[]) c, accumulate, i0, i1, j0, j1);
        } else {
            kernel.compute(transA, transB, n, m, k, alpha, (double[]) a, (double[]) b, (double[]) c, accumulate, i0, i1, j0, j1);
        }
    }

    /** Computes chunks of the shared product until none is left. */
    private void takeChunks() {
        int nr = floats ? FloatProduct.NR : VectorProduct.NR;
        int divisor = SHARE * (workers.length + 1);
        for (int from = nextTile.get(); from < tiles; from = nextTile.get()) {
            int to = Math.min(tiles, from + Math.max(leastTiles, (tiles - from) / divisor));
            if (!nextTile.compareAndSet(from, to)) {
                continue;
            }
            if (byRows) {
                int i0 = from * VectorProduct.MR;
                int i1 = Math.min(n, to * VectorProduct.MR);
                compute(transA, transB, n, m, k, alpha, a, b, c, floats, accumulate, i0, i1, 0, m);
                if (then != null) {
                    then.apply(i0 * m, i1 * m);
                }
            } else {
                int j0 = from * nr;
                int j1 = Math.min(m, to * nr);
                compute(transA, transB, n, m, k, alpha, a, b, c, floats, accumulate, 0, n, j0, j1);
                if (then != null) {
                    for (int i = 0; i < n; i++) {
                        then.apply(i * m + j0, i * m + j1);
                    }
                }
            }
        }
    }

    /** Stops the workers once the product in flight, if any, is done; later products run on their caller. */
    @Override
    public void close() {
        busy.lock();
        try {
            closed = true;
            for (Worker worker : workers) {
                worker.stop();
            }
        } finally {
            busy.unlock();
        }
    }

    /** One worker thread: IDLE, REQUESTED by a caller, RUNNING the chunks it takes, then IDLE again. */
    private final class Worker implements Runnable {
        private final Thread thread;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile boolean stopped;
        private volatile Throwable failure;

        Worker(String name) {
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void request() {
            state.set(REQUESTED);
            LockSupport.unpark(thread);
        }

        /** Calls the request off if the worker has not started, else waits until it is done; rethrows its failure. */
        void finish() {
            if (state.compareAndSet(REQUESTED, IDLE)) {
                return;
            }
            for (int spins = 0; state.get() != IDLE; spins++) {
                if (spins < 1 << 16) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 50_000);
                }
            }
            Throwable t = failure;
            if (t != null) {
                failure = null;
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (!stopped) {
                if (state.get() == REQUESTED && state.compareAndSet(REQUESTED, RUNNING)) {
                    try {
                        takeChunks();
                    } catch (Throwable t) {
                        nextTile.set(tiles);
                        failure = t;
                    }
                    state.set(IDLE);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
