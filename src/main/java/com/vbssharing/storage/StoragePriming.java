package com.vbssharing.storage;

/**
 * The data SnapStart's priming (lambda/SnapStartPriming) asks for. None of it is ever written: during priming the
 * storage adapter answers for it as if it existed (storage/internal/PrimingAnswers).
 */
public final class StoragePriming {

    /** A project no one uses, and a share target for it; both valid ids. */
    public static final String PROJECT = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
    public static final String TARGET = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1f";
    /** A backup id no backup has (ids this service makes are random UUIDs, never this one). */
    public static final String BACKUP = "5ca1ab1e-5ca1-4ab1-8ab1-5ca1ab1e5ca1";

    private StoragePriming() {
    }
}
