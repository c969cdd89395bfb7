// This file was generated with `cornucopia`. Do not modify.

pub mod actors;
pub mod properties;
pub mod property_lookup;
