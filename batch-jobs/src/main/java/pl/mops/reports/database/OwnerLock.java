package pl.mops.reports.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one owner of the embedded database: an operating-system file lock on {@code $MOPS_HOME/pgdata.lock}, taken
 * before anything touches {@code pgdata} and held while the command runs. The system releases it when the process
 * ends in any way (also kill -9), so a lock that can be taken means that no live process owns the database, and a
 * PostgreSQL server still running on {@code pgdata} was left by a dead one.
 * <p>
 * The owner writes who it is into the file ({@link DatabaseOwner}), later also its server's port; a second process
 * reads it to say who holds the database, or to read through that server. The lock covers one byte far beyond the
 * content, so the content stays readable where locks are mandatory (Windows).
 * <p>
 * Java file locks belong to the whole JVM, and on POSIX systems closing <em>any</em> channel of the file releases
 * the process's lock. So a JVM that holds the lock never opens the file a second time: a claim in the same JVM (tests
 * run several launchers in one JVM) is answered from {@link #HELD}.
 */
public final class OwnerLock implements AutoCloseable {

    /** the locked byte: beyond any content */
    private static final long LOCK_POSITION = 1L << 40;
    private static final Map<Path, OwnerLock> HELD = new ConcurrentHashMap<>();

    /** The result of a claim. */
    public sealed interface Claim permits Held, Taken {
    }

    /** This process owns the database until {@link OwnerLock#close()} (or its end). */
    public record Held(OwnerLock lock) implements Claim {
    }

    /**
     * A live process owns it.
     *
     * @param holder as its lock file names it; empty while it has not written the file yet
     */
    public record Taken(Optional<DatabaseOwner> holder) implements Claim {
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile DatabaseOwner owner;

    private OwnerLock(Path file, FileChannel channel, FileLock lock, DatabaseOwner owner) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.owner = owner;
    }

    /** tries once to take the lock of {@code lockFile} for {@code me}; never waits */
    public static synchronized Claim claim(Path lockFile, DatabaseOwner me) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        OwnerLock ours = HELD.get(key);
        if (ours != null) {
            return new Taken(Optional.of(ours.owner));
        }
        Files.createDirectories(key.getParent());
        FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException inThisJvm) {
            // locked in this JVM past HELD: closing this channel would release that lock, so it stays open
            return new Taken(Optional.empty());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            try {
                return new Taken(DatabaseOwner.parse(read(channel)).filter(holder -> plausiblyAlive(holder, me.host())));
            } finally {
                channel.close();
            }
        }
        OwnerLock held = new OwnerLock(key, channel, lock, me);
        try {
            held.write();
        } catch (IOException | RuntimeException e) {
            held.close();
            throw e;
        }
        HELD.put(key, held);
        return new Held(held);
    }

    public Path file() {
        return file;
    }

    public DatabaseOwner owner() {
        return owner;
    }

    /** the embedded server runs on {@code port}: written to the file for readers ({@code runs}, {@code status}…) */
    public void recordPort(int port) throws IOException {
        owner = owner.withPort(port);
        write();
    }

    /** releases the lock (the file stays, emptied: a new owner needs the same file to lock) */
    @Override
    public void close() throws IOException {
        synchronized (OwnerLock.class) {
            if (!channel.isOpen()) {
                return;
            }
            HELD.remove(file, this);
            try {
                channel.truncate(0);
            } finally {
                try {
                    lock.release();
                } finally {
                    channel.close();
                }
            }
        }
    }

    private void write() throws IOException {
        ByteBuffer content = ByteBuffer.wrap(owner.format().getBytes(StandardCharsets.UTF_8));
        int length = content.remaining();
        long position = 0;
        while (content.hasRemaining()) {
            position += channel.write(content, position);
        }
        channel.truncate(length);
        channel.force(false);
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 64 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // until the end of the content
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /**
     * Whether the content names the live holder, not the dead owner before it (a new owner has taken the lock but not
     * yet rewritten the file): on this computer its process must exist and be older than the content; a holder on
     * another computer (a shared home folder) cannot be checked and is believed.
     */
    static boolean plausiblyAlive(DatabaseOwner holder, String localHost) {
        if (!holder.host().equals(localHost)) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(holder.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Instant> processStart = process.get().info().startInstant();
        return processStart.isEmpty()
                || !processStart.get().isAfter(holder.started().toInstant().plus(Duration.ofSeconds(2)));
    }
}
