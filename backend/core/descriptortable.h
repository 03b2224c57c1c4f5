#pragma once

namespace teehee {

// The process's open-file limit and descriptor table, made ready before a
// server accepts connections. Every stream holds two descriptors (its client
// and its provider), so a thousand streams need more than the usual soft
// limit of 1,024; and each time the kernel's table has to double for a new
// descriptor in a process with threads, accept() waits for an RCU grace
// period (10-40 ms measured), during which no token of any stream moves.
struct DescriptorTable {
    static constexpr int kMaxDescriptors = 65536;

    int limit = 0;    // the soft RLIMIT_NOFILE afterwards
    int capacity = 0; // descriptors the table holds now (FDSize in /proc/self/status), 0 if unknown

    // Raises the soft limit towards the hard one (at most `maxDescriptors`)
    // and grows the table to it in one step. Never lowers either; failures
    // leave things as they were.
    static DescriptorTable prepare(int maxDescriptors = kMaxDescriptors);
    // The table's current size, 0 when /proc is not there.
    static int currentCapacity();
};

} // namespace teehee
