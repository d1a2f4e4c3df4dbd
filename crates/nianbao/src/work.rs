//! A meter of the work done, for the tests that bound it (issue 17: cost linear in the input,
//! counted, not timed). The loops a quadratic path would hide in add their steps here: the lines
//! scanned, the label searches, the walks of Word and HTML trees. Outside this crate's own tests
//! [`add`] is empty and compiles to nothing, so the page and the CLI pay nothing for it.
//!
//! The tests also count the bytes allocated (a global allocator of the test binary): a path that
//! copies the rest of the text at every step is quadratic in bytes allocated even where no loop
//! here is metered.

/// Counts `steps` units of work on this thread (only in this crate's tests).
#[inline(always)]
pub(crate) fn add(steps: usize) {
    #[cfg(test)]
    meter::STEPS.with(|s| s.set(s.get() + steps as u64));
    #[cfg(not(test))]
    let _ = steps;
}

#[cfg(test)]
pub(crate) mod meter {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        pub(super) static STEPS: Cell<u64> = const { Cell::new(0) };
        static ALLOCATED: Cell<u64> = const { Cell::new(0) };
    }

    /// Counts the bytes each thread allocates; frees are not subtracted (this is work, not memory).
    struct Counting;

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // `try_with`: a thread being torn down has no counter left, and allocates uncounted.
            let _ = ALLOCATED.try_with(|a| a.set(a.get() + layout.size() as u64));
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let grown = new_size.saturating_sub(layout.size());
            let _ = ALLOCATED.try_with(|a| a.set(a.get() + grown as u64));
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    /// The work `f` did on this thread: (its result, steps metered, bytes allocated).
    pub fn counted<R>(f: impl FnOnce() -> R) -> (R, u64, u64) {
        let steps = STEPS.with(Cell::get);
        let allocated = ALLOCATED.with(Cell::get);
        let result = f();
        (
            result,
            STEPS.with(Cell::get) - steps,
            ALLOCATED.with(Cell::get) - allocated,
        )
    }
}
