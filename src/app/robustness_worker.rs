//! SMAA and Monte Carlo off the UI thread. One worker thread takes the newest appraisal,
//! runs it in chunks and sends figures back as they arrive; a newer appraisal (a slider
//! moved) replaces the job between chunks. Tests can run the same work inline instead.

use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::model::Appraisal;
use crate::model::robustness::{SmaaError, SmaaResult, SmaaRun};

/// Draws per chunk: small enough that a newer job waits at most a few milliseconds.
pub const CHUNK_DRAWS: u32 = 1_000;

/// Figures for one revision of the appraisal.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub revision: u64,
    pub result: Result<SmaaResult, SmaaError>,
    /// 0–1; 1 when complete.
    pub fraction: f32,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.fraction >= 1.0 || self.result.is_err()
    }
}

/// How the robustness figures are worked out.
pub enum RobustnessRunner {
    /// On a worker thread (the app).
    Background {
        jobs: Sender<(u64, Appraisal)>,
        results: Receiver<Progress>,
    },
    /// In the frame that asks (tests and screenshots: deterministic, no threads).
    Inline { pending: Option<Progress> },
}

impl RobustnessRunner {
    pub fn background(wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_rx) = channel::<(u64, Appraisal)>();
        let (result_tx, results) = channel();
        std::thread::Builder::new()
            .name("robustness".into())
            .spawn(move || worker(&job_rx, &result_tx, &wake))
            .ok();
        Self::Background { jobs, results }
    }

    pub fn inline() -> Self {
        Self::Inline { pending: None }
    }

    /// Starts work on `appraisal` (revision numbers only grow); any older job is dropped.
    pub fn submit(&mut self, revision: u64, appraisal: &Appraisal) {
        match self {
            Self::Background { jobs, .. } => {
                // The worker has gone only if it panicked; the figures then just stop updating.
                let _ = jobs.send((revision, appraisal.clone()));
            }
            Self::Inline { pending } => {
                let result = SmaaRun::new(appraisal)
                    .map_err(SmaaError::from)
                    .and_then(SmaaRun::run_to_end);
                *pending = Some(Progress {
                    revision,
                    result,
                    fraction: 1.0,
                });
            }
        }
    }

    /// The newest figures that have arrived since the last call, if any.
    pub fn poll(&mut self) -> Option<Progress> {
        match self {
            Self::Background { results, .. } => {
                let mut newest = None;
                while let Ok(p) = results.try_recv() {
                    newest = Some(p);
                }
                newest
            }
            Self::Inline { pending } => pending.take(),
        }
    }
}

fn worker(jobs: &Receiver<(u64, Appraisal)>, results: &Sender<Progress>, wake: &impl Fn()) {
    let mut next: Option<(u64, Appraisal)> = None;
    loop {
        let (revision, appraisal) = match next.take() {
            Some(job) => job,
            None => match jobs.recv() {
                Ok(job) => job,
                Err(_) => return, // the app has closed
            },
        };
        let mut run = match SmaaRun::new(&appraisal) {
            Ok(run) => run,
            Err(e) => {
                let _ = results.send(Progress {
                    revision,
                    result: Err(e.into()),
                    fraction: 1.0,
                });
                wake();
                continue;
            }
        };
        loop {
            // A newer appraisal replaces this one at once.
            match jobs.try_recv() {
                Ok(job) => {
                    next = Some(job);
                    while let Ok(newer) = jobs.try_recv() {
                        next = Some(newer);
                    }
                    break;
                }
                Err(TryRecvError::Disconnected) => return,
                Err(TryRecvError::Empty) => {}
            }
            let step = run.advance(CHUNK_DRAWS);
            let progress = Progress {
                revision,
                fraction: run.progress(),
                result: step.map(|()| run.result()),
            };
            let done = progress.is_complete();
            if results.send(progress).is_err() {
                return;
            }
            wake();
            if done {
                break;
            }
        }
    }
}
