// Worker threads with a fallback (see worker_threads.h).
#include "core/worker_threads.h"

#include <system_error>
#include <vector>

namespace fazhi {

int RunOnThreads(int threads, const std::function<void()>& work,
                 const std::function<void(int started, int wanted)>& on_fewer, const SpawnThread& spawn) {
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    try {
      pool.push_back(spawn ? spawn(work) : std::thread(work));
    } catch (const std::system_error&) {  // EAGAIN: the process or user is out of threads
      if (on_fewer) on_fewer(static_cast<int>(pool.size()) + 1, threads);
      break;
    }
  }
  work();
  for (auto& t : pool) t.join();
  return static_cast<int>(pool.size()) + 1;
}

}  // namespace fazhi
