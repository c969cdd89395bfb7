// This file was generated with `cornucopia`. Do not modify.

pub mod actors;
pub mod admin;
pub mod attributes;
pub mod peertrustees;
pub mod properties;
pub mod property_lookup;
pub mod subscription_diffs;
pub mod subscription_suspensions;
pub mod subscriptions;
pub mod trusts;
