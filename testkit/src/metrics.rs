//! A `metrics` recorder installed for the current thread only ([`MetricsCapture::start`]),
//! so that tests running in parallel do not see each other's measurements, and what it
//! recorded as plain values ([`MetricsCapture::take`]).
//!
//! A test on tokio's current-thread runtime (`#[tokio::test]`'s default) sees everything its
//! futures and the tasks they spawn record.

use std::collections::BTreeMap;

use metrics_util::debugging::{DebugValue, DebuggingRecorder, Snapshotter};

/// A recorded value; for a histogram, how many samples it got.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Metric {
    /// A counter's total.
    Counter(u64),
    /// A gauge's last value.
    Gauge(f64),
    /// How many samples a histogram got.
    Histogram(usize),
}

/// The metrics recorded on this thread while it lives.
pub struct MetricsCapture {
    snapshotter: Snapshotter,
    _guard: metrics::LocalRecorderGuard<'static>,
}

impl MetricsCapture {
    /// Installs a recorder for this thread, until the capture is dropped.
    pub fn start() -> MetricsCapture {
        // Leaked: the guard borrows the recorder for as long as it is installed.
        let recorder: &'static DebuggingRecorder = Box::leak(Box::new(DebuggingRecorder::new()));
        MetricsCapture {
            snapshotter: recorder.snapshotter(),
            _guard: metrics::set_default_local_recorder(recorder),
        }
    }

    /// The metrics recorded, as `name{label=value,...}` -> value (labels in the order they
    /// were given), taking them away: counters and gauges read 0 afterwards, histograms have
    /// no samples. Counters at 0 and histograms without samples are left out.
    pub fn take(&self) -> BTreeMap<String, Metric> {
        self.snapshotter
            .snapshot()
            .into_vec()
            .into_iter()
            .filter_map(|(key, _, _, value)| {
                let key = key.key();
                let labels: Vec<String> = key
                    .labels()
                    .map(|l| format!("{}={}", l.key(), l.value()))
                    .collect();
                let name = format!("{}{{{}}}", key.name(), labels.join(","));
                let metric = match value {
                    DebugValue::Counter(0) => return None,
                    DebugValue::Counter(n) => Metric::Counter(n),
                    DebugValue::Gauge(v) => Metric::Gauge(v.into_inner()),
                    DebugValue::Histogram(v) if v.is_empty() => return None,
                    DebugValue::Histogram(v) => Metric::Histogram(v.len()),
                };
                Some((name, metric))
            })
            .collect()
    }
}
