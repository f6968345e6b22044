package com.vbssharing.sharing;

import com.vbssharing.support.Api;
import com.vbssharing.support.LambdaApi;

class ShareApiLambdaTest extends ShareApiContract {

    @Override
    protected Api api() {
        return LambdaApi.get();
    }
}
