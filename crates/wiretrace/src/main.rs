//! The `wiretrace` command.

fn main() {
    std::process::exit(wiretrace::cli::run(std::env::args_os()));
}
