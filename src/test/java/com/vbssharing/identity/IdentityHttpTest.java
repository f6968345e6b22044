package com.vbssharing.identity;

import com.vbssharing.support.Api;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.TestApp;

class IdentityHttpTest extends IdentityContract {

    @Override
    protected Api api() {
        return HttpApi.get();
    }

    @Override
    protected String expectedBaseUrl() {
        return TestApp.get().baseUrl();
    }
}
