package com.vbssharing.backup;

import com.vbssharing.support.Api;
import com.vbssharing.support.LambdaApi;

class CinderBackupsLambdaTest extends CinderBackupsContract {

    @Override
    protected Api api() {
        return LambdaApi.get();
    }

    /** The event's Host is the default execute-api domain, so links carry the stage. */
    @Override
    protected String expectedBaseUrl() {
        return "https://1234567890.execute-api.us-east-1.amazonaws.com/prod";
    }
}
