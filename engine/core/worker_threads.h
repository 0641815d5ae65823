// Running one piece of work on several threads when the system allows it: a thread that cannot be created (a
// process limit, EAGAIN) means fewer threads, down to the calling thread alone — never std::terminate.
#pragma once

#include <functional>
#include <thread>

namespace fazhi {

// Starts `work` on up to `threads - 1` new threads, runs it on the calling thread too, and joins them all. `work`
// must take its tasks from a shared queue, so that any number of threads finishes every task. When a thread cannot
// be created, no more are tried and `on_fewer(started, wanted)` is called once (e.g. to log a warning) before the
// work runs on the threads that exist. `spawn` creates a thread (replaceable for tests). Returns the threads that
// ran the work, the calling one included.
using SpawnThread = std::function<std::thread(const std::function<void()>&)>;
int RunOnThreads(int threads, const std::function<void()>& work,
                 const std::function<void(int started, int wanted)>& on_fewer = {}, const SpawnThread& spawn = {});

}  // namespace fazhi
