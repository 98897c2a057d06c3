//! The `wiretrace` command.

/// mimalloc rather than the system allocator: the reader thread allocates the records that
/// the worker threads free, and the system allocator serialises such frees on a lock. Built
/// without transparent huge pages, whose zeroing cost more than they saved.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(wiretrace::cli::run(std::env::args_os()));
}
