package com.vbssharing.backup;

import com.vbssharing.support.Api;
import com.vbssharing.support.HttpApi;
import com.vbssharing.support.TestApp;

class CinderBackupsHttpTest extends CinderBackupsContract {

    @Override
    protected Api api() {
        return HttpApi.get();
    }

    @Override
    protected String expectedBaseUrl() {
        return TestApp.get().baseUrl();
    }
}
