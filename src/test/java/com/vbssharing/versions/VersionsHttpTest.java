package com.vbssharing.versions;

import com.vbssharing.support.Api;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.TestApp;

class VersionsHttpTest extends VersionsContract {

    @Override
    protected Api api() {
        return HttpApi.get();
    }

    @Override
    protected String expectedBaseUrl() {
        return TestApp.get().baseUrl();
    }
}
