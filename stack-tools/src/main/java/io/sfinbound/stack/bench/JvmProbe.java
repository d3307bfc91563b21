package io.sfinbound.stack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * Memory and CPU of one service JVM of the stack: heap through the JVM's own local JMX agent (started with the attach
 * API, as {@code jcmd} does; no option on the service's command line needed), resident memory and CPU time from
 * {@code /proc/<pid>}. The peak RSS ({@code VmHWM}) is reset at the start of a job through {@code clear_refs}, so it
 * is the peak of that job, not of the JVM's start-up.
 */
public final class JvmProbe implements AutoCloseable {

    /** Linux's USER_HZ, the unit of utime and stime in /proc/pid/stat, on every common kernel build. */
    private static final double CLOCK_TICKS = 100.0;
    private static final double MB = 1024.0 * 1024.0;

    private final String name;
    private final long pid;
    private JMXConnector connector;
    private MemoryMXBean memory;
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private String problem;

    public JvmProbe(String name, long pid) {
        this.name = name;
        this.pid = pid;
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection c = connector.getMBeanServerConnection();
            memory = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            for (ObjectName n : c.queryNames(new ObjectName(ManagementFactory.MEMORY_POOL_MXBEAN_DOMAIN_TYPE + ",*"), null)) {
                MemoryPoolMXBean pool = ManagementFactory.newPlatformMXBeanProxy(c, n.toString(), MemoryPoolMXBean.class);
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool);
                }
            }
        } catch (Exception | LinkageError e) {
            problem = "cannot attach to " + name + " (pid " + pid + "): " + e;
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    /** Why heap figures are missing, or null. */
    public String problem() {
        return problem;
    }

    /** Starts a job's measurement: resets the peak RSS and the heap pools' peak usage. */
    public void resetPeaks() {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            problem = (problem == null ? "" : problem + "; ") + "cannot reset the peak RSS of " + name + ": " + e.getMessage();
        }
        for (MemoryPoolMXBean p : heapPools) {
            try {
                p.resetPeakUsage();
            } catch (RuntimeException e) {
                // a pool that went away with a collector change: its peak is simply not reset
            }
        }
    }

    /** Used heap in MB now, or -1. */
    public double heapUsedMb() {
        try {
            return memory == null ? -1 : memory.getHeapMemoryUsage().getUsed() / MB;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Maximum heap (-Xmx) in MB, or -1. */
    public double heapMaxMb() {
        try {
            return memory == null ? -1 : memory.getHeapMemoryUsage().getMax() / MB;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Sum of the heap pools' peak usage since {@link #resetPeaks()}: an upper bound of the peak used heap (the pools
     * peak at different moments), which catches what a once-a-second sample misses.
     */
    public double heapPoolPeakMb() {
        if (heapPools.isEmpty()) {
            return -1;
        }
        double sum = 0;
        for (MemoryPoolMXBean p : heapPools) {
            try {
                sum += p.getPeakUsage().getUsed();
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return sum / MB;
    }

    /** Largest heap in use right after a collection (the live set), over the pools' last collections, in MB. */
    public double heapAfterGcMb() {
        double sum = 0;
        boolean any = false;
        for (MemoryPoolMXBean p : heapPools) {
            try {
                if (p.getCollectionUsage() != null) {
                    sum += p.getCollectionUsage().getUsed();
                    any = true;
                }
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return any ? sum / MB : -1;
    }

    /** A line of /proc/pid/status such as VmRSS or VmHWM, in MB, or -1. */
    public double statusMb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU seconds the process used since it started, or -1. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS; // utime, stime: fields 14 and 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException e) {
                // the service may be gone; nothing to release
            }
        }
    }
}
